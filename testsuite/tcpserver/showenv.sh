#!/bin/sh
# showenv: the reference program of the tcpserver tests.  Greets with the
# client's address and $K, lists TCPREMOTEHOST/TCPREMOTEINFO if set, then
# reads one line; "exit N" makes it exit N.
echo "hello from $TCPREMOTEIP K=$K"
env | LC_ALL=C grep -a -E '^TCPREMOTE(HOST|INFO)=' | LC_ALL=C sort
read line
case "$line" in
  exit\ *) exit ${line#exit } ;;
esac
exit 0
