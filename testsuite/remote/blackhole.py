#!/usr/bin/env python3
"""blackhole.py ADDR PORT READYFILE: a listener whose accept queue is full
and never drained, so that further connection attempts time out (the
kernel drops their SYNs).  Writes READYFILE once the queue is full and
exits after 60 seconds."""
import socket
import sys
import time

addr, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((addr, port))
srv.listen(0)
held = []
for _ in range(4):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    try:
        c.connect((addr, port))
    except BlockingIOError:
        pass
    held.append(c)
time.sleep(1)
with open(ready, "w") as f:
    f.write("ready\n")
time.sleep(60)
