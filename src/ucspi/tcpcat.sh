#!/bin/sh
# tcpcat host port: print everything a TCP server sends; sends nothing.
exec @ucspibindir@/tcpclient -RHl0 -- "${1-0}" "${2-}" sh -c 'exec cat <&6'
