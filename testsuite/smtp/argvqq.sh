#!/bin/sh
# argvqq.sh: run by stand-ins for bin/qmail-inject, bin/qmail-qread or
# bin/qmail-smtpd in the sendmail tests: prints the arguments,
# working directory and the variables sendmail may set.
for a in "$@"; do echo "arg=$a"; done
echo "cwd=`pwd`"
for v in MAILNAME RELAYCLIENT DATABYTES PROTO TCPLOCALIP TCPLOCALHOST TCPREMOTEIP TCPREMOTEHOST TCPREMOTEINFO; do
  eval "x=\${$v-unset}"
  echo "$v=$x"
done
