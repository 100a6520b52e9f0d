#!/bin/sh
# http@ [host [page [port]]]: fetch /page over HTTP/1.0, print the body.
printf 'GET /%s HTTP/1.0\nHost: %s:%s\n\n' "${2-}" "${1-0}" "${3-80}" |
  @ucspibindir@/tcpclient -RHl0 -- "${1-0}" "${3-80}" \
    sh -c '@ucspibindir@/addcr >&7; exec @ucspibindir@/delcr <&6' |
  awk 'inbody { print; next } /^$/ { inbody = 1 }'
