#!/bin/sh
# finger@ [host [user]]: ask the finger service (port 79) about user.
printf '%s\n' "${2-}" | @ucspibindir@/tcpclient -RHl0 -- "${1-0}" 79 \
  sh -c '@ucspibindir@/addcr >&7; exec @ucspibindir@/delcr <&6' | cat -v
