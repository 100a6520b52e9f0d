#!/bin/sh
# date@ [host]: the daytime service (port 13), CRs removed, shown with cat -v.
@ucspibindir@/tcpclient -RHl0 -- "${1-0}" 13 \
  sh -c 'exec @ucspibindir@/delcr <&6' | cat -v
