#!/bin/sh
# config: set up the basic control files of a qmail home from this host's
# name and DNS (qmail-core section 19).  Run by the administrator after
# installation, with working DNS; without DNS use config-fast instead.
# Writes control/me, defaultdomain, plusdomain (overwritten), locals
# (rebuilt from the names of this host's addresses) and rcpthosts (a copy
# of locals), all mode 644.  The home is QM_SANDBOX_HOME when that is set
# (a sandbox), else the compiled-in home.
home=${QM_SANDBOX_HOME:-@QMAILHOME@}
bin=$home/bin
ctl=$home/control

fail() {
  echo "$1"
  echo "You will have to set up control/me yourself."
  exit 1
}

put() {
  echo "Putting $2 into control/$1..."
  echo "$2" > "$ctl/$1" || exit 111
  chmod 644 "$ctl/$1"
}

host=`"$bin/hostname" | tr '[A-Z]' '[a-z]'`
test -n "$host" || fail "Sorry, I couldn't find your hostname."
echo "Your hostname is $host."
fqdn=`"$bin/dnsfq" "$host" | tr '[A-Z]' '[a-z]'`
test -n "$fqdn" || fail "Sorry, I couldn't find your host's canonical name in DNS."
echo "Your host's fully qualified name in DNS is $fqdn."

put me "$fqdn"
# defaultdomain drops the first label only when at least two dots remain
# in the name; plusdomain keeps the last two labels.
put defaultdomain "`echo "$fqdn" | sed 's/^[^.]*\.\([^.]*\)\./\1./'`"
put plusdomain "`echo "$fqdn" | sed 's/^.*\.\([^.]*\.[^.]*\)$/\1/'`"

echo ' '
echo 'Checking local IP addresses:'
: > "$ctl/locals" || exit 111
chmod 644 "$ctl/locals"
# The wildcard addresses ipmeprint lists are not interfaces of their own.
( "$bin/dnsip" "$fqdn"; "$bin/ipmeprint" ) | grep -v -x -e '0\.0\.0\.0' -e '::' |
sort -u | while read ip
do
  name=`"$bin/dnsptr" "$ip" 2>/dev/null`
  if test -n "$name"
  then
    echo "$ip: Adding $name to control/locals..."
    echo "$name" >> "$ctl/locals"
  else
    echo "$ip: PTR lookup failed. I assume this address has no DNS name."
  fi
done

echo ' '
echo 'If there are any other domain names that point to you,'
echo "you will have to add them to $ctl/locals."
echo "You don't have to worry about aliases, i.e., domains with CNAME records."
echo ' '
echo "Copying $ctl/locals to $ctl/rcpthosts..."
cp "$ctl/locals" "$ctl/rcpthosts" || exit 111
chmod 644 "$ctl/rcpthosts"
echo 'Now qmail will refuse to accept SMTP messages except to those hosts.'
echo 'Make sure to change rcpthosts if you add hosts to locals or virtualdomains!'
