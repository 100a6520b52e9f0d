#!/bin/sh
# mkboot.sh NAME QMAILHOME TZFILE: print the boot script NAME (home,
# home+df, proc, proc+df, binm1, binm1+df, binm2, binm2+df, binm3,
# binm3+df).  Each one runs qmail-start under "env -" with PATH set to
# QMAILHOME/bin first, logging through splogger, and keeps the local time
# zone: TZ survives "env -", and where the system keeps it in a file
# (IRIX /etc/TIMEZONE, Solaris /etc/default/init) it is read from there.
name=$1 home=$2 tzfile=$3
df='|dot-forward .forward
'
case "$name" in
  home|home+df) dd='./Mailbox' what='qmail-local to deliver messages to ~/Mailbox by default' ;;
  proc|proc+df) dd='|preline procmail' what='procmail to deliver messages to /var/spool/mail/$USER by default' ;;
  binm1|binm1+df) dd='|preline -f /usr/libexec/mail.local -r "${SENDER:-MAILER-DAEMON}" -d "$USER"' what='BSD 4.4 binmail to deliver messages to /var/mail/$USER by default' ;;
  binm2|binm2+df) dd='|preline -f /bin/mail -r "${SENDER:-MAILER-DAEMON}" -d "$USER"' what='SVR4 binmail to deliver messages to /var/mail/$USER by default' ;;
  binm3|binm3+df) dd='|preline -f /bin/mail -f "${SENDER:-MAILER-DAEMON}" -d "$USER"' what='V7 binmail to deliver messages to /var/spool/mail/$USER by default' ;;
  *) echo "mkboot.sh: unknown boot script $name" >&2; exit 100 ;;
esac
case "$name" in
  *+df) dd="$df$dd" what="dot-forward to handle ~/.forward, then $what" ;;
esac
cat <<EOT
#!/bin/sh

# Using splogger to send the log through syslog.
# Using $what.
# The local time zone is kept for the log and for Date: lines.

if test -z "\$TZ" && test -r $tzfile; then
  TZ=\`sed -n -e '/^TZ=/{' -e 's/^TZ=//' -e 's/"//g' -e p -e q -e '}' $tzfile\`
fi

exec env - PATH="$home/bin:\$PATH" \${TZ:+"TZ=\$TZ"} \\
qmail-start '$dd' splogger qmail
EOT
