#!/usr/bin/env python3
"""A QMQP server for the tests: qmqpserver.py PORT LOGFILE REPLY [COUNT]

Listens on 127.0.0.1:PORT, reads one request per connection, appends
what it parsed to LOGFILE as "message=<repr> sender=<repr> rcpts=<repr>"
lines, then answers with the netstring REPLY (e.g. "Kok") or, for REPLY
"close", closes without an answer.  Exits after COUNT connections (default
1) or 30 seconds.
"""
import socket
import sys


def netstring(buf, pos):
    colon = buf.index(b":", pos)
    n = int(buf[pos:colon])
    start = colon + 1
    if buf[start + n:start + n + 1] != b",":
        raise ValueError("bad netstring")
    return buf[start:start + n], start + n + 1


def main():
    port, logfile, reply = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(5)
    srv.settimeout(30)
    for _ in range(count):
        conn, _ = srv.accept()
        conn.settimeout(10)
        data = b""
        while True:
            try:
                whole, _ = netstring(data, 0)
                break
            except ValueError:
                pass
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        try:
            whole, _ = netstring(data, 0)
            mess, pos = netstring(whole, 0)
            sender, pos = netstring(whole, pos)
            rcpts = []
            while pos < len(whole):
                r, pos = netstring(whole, pos)
                rcpts.append(r)
            line = "message=%r sender=%r rcpts=%r\n" % (mess, sender, rcpts)
        except ValueError:
            line = "bad request %r\n" % data
        with open(logfile, "a") as f:
            f.write(line)
        if reply != "close":
            r = reply.encode()
            conn.sendall(b"%d:%s," % (len(r), r))
        conn.close()


main()
