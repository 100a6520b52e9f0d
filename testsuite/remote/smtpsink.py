#!/usr/bin/env python3
"""An SMTP server for the qmail-remote tests.

smtpsink.py ADDR PORT LOGFILE [STAGE=REPLY ...]

Listens on ADDR:PORT (an IPv4 or IPv6 address), answers each connection
with scripted replies and appends everything the client sent, byte for
byte, to LOGFILE (one "=== connection" line before each session).
Stages and their default replies:
  greet=220 sink ready   helo=250 sink   mail=250 ok   rcpt=250 ok
  data=354 go ahead      end=250 queued
A reply may hold several lines separated by "|" ("250-a|250 b"); for
rcpt a comma-separated list gives the reply of each RCPT in turn (the
last one repeats).  The reply "close" closes the connection instead of
answering, "hang" stops answering (the client has to time out).
Runs until killed, or 60 seconds.
"""
import socket
import sys
import time


def main():
    addr, port, logfile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    script = {"greet": "220 sink ready", "helo": "250 sink", "mail": "250 ok",
              "rcpt": "250 ok", "data": "354 go ahead", "end": "250 queued"}
    for arg in sys.argv[4:]:
        k, v = arg.split("=", 1)
        script[k] = v
    family = socket.AF_INET6 if ":" in addr else socket.AF_INET
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((addr, port))
    srv.listen(5)
    srv.settimeout(1)
    end = time.time() + 60
    while time.time() < end:
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            continue
        session(conn, script, logfile)


def session(conn, script, logfile):
    conn.settimeout(10)
    log = open(logfile, "ab")
    log.write(b"=== connection\n")
    buf = [b""]
    rcpts = script["rcpt"].split(",")
    nrcpt = [0]

    def say(stage):
        text = script[stage]
        if stage == "rcpt":
            text = rcpts[min(nrcpt[0], len(rcpts) - 1)]
            nrcpt[0] += 1
        if text == "hang":
            time.sleep(30)
            return False
        if text == "close":
            return False
        conn.sendall(("\r\n".join(text.split("|")) + "\r\n").encode())
        return True

    def line():
        while b"\n" not in buf[0]:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            log.write(chunk)
            log.flush()
            buf[0] += chunk
        l, buf[0] = buf[0].split(b"\n", 1)
        return l + b"\n"

    try:
        if not say("greet"):
            return
        while True:
            l = line()
            if l is None:
                return
            verb = l[:4].upper()
            stage = {b"HELO": "helo", b"EHLO": "helo", b"MAIL": "mail",
                     b"RCPT": "rcpt", b"DATA": "data"}.get(verb)
            if verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                continue
            if stage is None:
                conn.sendall(b"502 unknown\r\n")
                continue
            if not say(stage):
                return
            if stage == "data" and script["data"].startswith("3"):
                while True:
                    l = line()
                    if l is None:
                        return
                    if l == b".\r\n":
                        break
                if not say("end"):
                    return
    except (socket.timeout, ConnectionError):
        pass
    finally:
        log.close()
        conn.close()


main()
