#!/bin/sh
# config-fast FQDN: the minimal qmail configuration for host FQDN.
# Writes control/me, defaultdomain and plusdomain (overwritten) and
# appends FQDN to control/locals and control/rcpthosts, all mode 0644,
# printing what it does.  The qmail home is @qmailhome@ (or the sandbox
# named by QM_SANDBOX_HOME).  Exit 0, 100 for bad usage, 111 when a file
# cannot be written.
fqdn="$1"
case "$fqdn" in
  ''|*/*|*' '*) echo "config-fast: usage: config-fast fqdn" >&2; exit 100 ;;
esac
home=${QM_SANDBOX_HOME:-@qmailhome@}
ctl=$home/control
umask 022
put() {
  echo "Putting $2 into control/$1..."
  if test "$3" = append; then
    echo "$2" >> "$ctl/$1" || exit 111
  else
    echo "$2" > "$ctl/$1" || exit 111
  fi
  chmod 644 "$ctl/$1" || exit 111
}
# defaultdomain: the name without its first component when it has at
# least two dots; plusdomain: its last two components.
ddom=`echo "$fqdn" | sed 's/^\([^.]*\)\.\([^.]*\)\./\2./'`
pdom=`echo "$fqdn" | sed 's/^.*\.\([^.]*\)\.\([^.]*\)$/\1.\2/'`
echo "Your fully qualified host name is $fqdn."
put me "$fqdn"
put defaultdomain "$ddom"
put plusdomain "$pdom"
put locals "$fqdn" append
put rcpthosts "$fqdn" append
echo "Now qmail will refuse to accept SMTP messages except to $fqdn."
echo "Make sure to change rcpthosts if you add hosts to locals or virtualdomains!"
exit 0
