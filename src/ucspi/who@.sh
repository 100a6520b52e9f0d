#!/bin/sh
# who@ [host]: the systat service (port 11), CRs removed, shown with cat -v.
@ucspibindir@/tcpclient -RHl0 -- "${1-0}" 11 \
  sh -c 'exec @ucspibindir@/delcr <&6' | cat -v
