#!/usr/bin/env python3
# tcpstub.py: a scripted TCP server for the ucspi client tests.
# Usage: tcpstub.py HOST PORT PORTFILE RECORDFILE GREETING WAIT TAIL
# Listens on HOST:PORT (0: any free port, written to PORTFILE once
# listening).  For each connection, one at a time: sends GREETING,
# appends what the client sends to RECORDFILE for WAIT seconds or until
# the client closes, sends TAIL and closes.  GREETING and TAIL take
# Python escapes (\r, \n, \x00).  With WAIT < 0 it waits for the first
# LF from the client instead of a time.  Exits after 120 idle seconds.
import os, socket, sys, time

host, port, portfile, record = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
dec = lambda s: s.encode('latin-1').decode('unicode_escape').encode('latin-1')
greet, wait, tail = dec(sys.argv[5]), float(sys.argv[6]), dec(sys.argv[7])
fam = socket.AF_INET6 if ':' in host else socket.AF_INET
s = socket.socket(fam, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((host, port))
s.listen(5)
with open(portfile + '.tmp', 'w') as f:
    f.write('%d\n' % s.getsockname()[1])
os.rename(portfile + '.tmp', portfile)
s.settimeout(120)
while True:
    try:
        c, _ = s.accept()
    except socket.timeout:
        break
    try:
        if greet:
            c.sendall(greet)
        end = time.time() + (wait if wait >= 0 else 30)
        got = b''
        while time.time() < end:
            c.settimeout(max(0.01, end - time.time()))
            try:
                d = c.recv(4096)
            except socket.timeout:
                break
            if not d:
                break
            got += d
            with open(record, 'ab') as f:
                f.write(d)
            if wait < 0 and b'\n' in got:
                break
        if tail:
            c.sendall(tail)
    except OSError:
        pass
    c.close()
