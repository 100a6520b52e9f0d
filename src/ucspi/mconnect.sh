#!/bin/sh
# mconnect [host [port]]: talk to an SMTP server (default 0, port 25).
exec @ucspibindir@/tcpclient -RHl0 -- "${1-0}" "${2-25}" @ucspibindir@/mconnect-io
