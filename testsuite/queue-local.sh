#!/bin/sh
# queue-local.sh: stand-in for bin/qmail-local in the queue tests.  Takes
# qmail 1.03's argument list, keeps the message as msg.<pid> in the home
# directory, appends one line to deliveries:
#   local@domain|user|dash|ext|sender|defaultdelivery|uid
# and then runs behave-<local> from the home directory if it exists (the
# test's way to make a delivery fail, defer, crash or print a report).
test "$1" = "--" && shift
user=$1 home=$2 local=$3 dash=$4 ext=$5 domain=$6 sender=$7 dd=$8
cd "$home" || exit 111
cat > "msg.$$" || exit 111
echo "$local@$domain|$user|$dash|$ext|$sender|$dd|`id -u`" >> deliveries
if test -f "behave-$local"; then . "./behave-$local"; fi
echo "did 1+0+0"
exit 0
