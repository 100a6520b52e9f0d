#!/usr/bin/env python3
# tcpenv.py: run tcp-env (argv[1], with argv[2:] as its options and
# program) on a real loopback TCP connection and print what the program
# wrote to the socket, then "status N".
import os, socket, subprocess, sys

ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
ls.bind(("127.0.0.1", 0))
ls.listen(1)
cl = socket.create_connection(ls.getsockname(), timeout=20)
conn, peer = ls.accept()
p = subprocess.Popen(sys.argv[1:], stdin=conn.fileno(), stdout=conn.fileno())
conn.close()
p.wait(timeout=60)
cl.shutdown(socket.SHUT_WR)
data = b""
while True:
    b = cl.recv(65536)
    if not b:
        break
    data += b
sys.stdout.write(data.decode("latin-1"))
print("clientport", cl.getsockname()[1])
print("serverport", ls.getsockname()[1])
print("status", p.returncode)
