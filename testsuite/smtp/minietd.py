#!/usr/bin/env python3
# minietd.py: a minimal inetd for the smtp tests.  Listens on
# 127.0.0.1:argv[1] and runs argv[2:] for every connection with the
# socket as descriptors 0 and 1 (as inetd's "nowait" does), until it is
# killed.  Connections are served one after another.
import os, signal, socket, subprocess, sys

signal.signal(signal.SIGCHLD, signal.SIG_DFL)
ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", int(sys.argv[1])))
ls.listen(16)
while True:
    conn, peer = ls.accept()
    p = subprocess.Popen(sys.argv[2:], stdin=conn.fileno(),
                         stdout=conn.fileno())
    conn.close()
    try:
        p.wait(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
