#!/usr/bin/env python3
"""identd: a stub RFC 1413 server for the tcpserver tests.

Usage: identd.py PORT REPLYFILE LOGFILE
For every connection: read the request line, append it to LOGFILE, then
act on REPLYFILE (read afresh each time): "silent" means never answer
(the connection stays open for 30 s); anything else is sent as-is and
the connection closed.  Runs until killed.
"""
import socket
import sys
import threading
import time

port, replyfile, logfile = int(sys.argv[1]), sys.argv[2], sys.argv[3]


def serve(c):
    c.settimeout(10)
    data = b""
    try:
        while not data.endswith(b"\n"):
            chunk = c.recv(100)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    with open(logfile, "ab") as f:
        f.write(data)
    with open(replyfile, "rb") as f:
        reply = f.read()
    if reply == b"silent":
        time.sleep(30)
    else:
        try:
            c.sendall(reply)
        except OSError:
            pass
    c.close()


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(20)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
