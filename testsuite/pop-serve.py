#!/usr/bin/env python3
# pop-serve.py: a minimal stand-in for tcpserver in the POP3 tests.
# Usage: pop-serve.py PORTFILE MAXCONN prog [arg ...]
# Listens on 127.0.0.1 (kernel-chosen port, written to PORTFILE), and for
# each of at most MAXCONN connections runs prog with the socket on fd 0
# and 1 and TCPREMOTEIP/TCPLOCALIP set.  Exits after the last child.
import os
import socket
import sys

def main():
    portfile, maxconn, argv = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(5)
    s.settimeout(60)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % s.getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    kids = []
    for _ in range(maxconn):
        try:
            c, peer = s.accept()
        except socket.timeout:
            break
        pid = os.fork()
        if pid == 0:
            s.close()
            os.dup2(c.fileno(), 0)
            os.dup2(c.fileno(), 1)
            c.close()
            os.environ["PROTO"] = "TCP"
            os.environ["TCPREMOTEIP"] = peer[0]
            os.environ["TCPLOCALIP"] = "127.0.0.1"
            try:
                os.execv(argv[0], argv)
            finally:
                os._exit(111)
        c.close()
        kids.append(pid)
    for pid in kids:
        os.waitpid(pid, 0)

main()
