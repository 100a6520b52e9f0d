#!/bin/sh
# mailsubj: send stdin as a message with the given subject to the given
# recipients, through qmail-inject.  Usage: mailsubj subject recip ...
subject="$1"
shift
( echo Subject: "$subject"
  echo To: ${1+"$@"}
  echo ''
  cat
) | "${QM_SANDBOX_HOME:-%QMAILHOME%}/bin/qmail-inject"
