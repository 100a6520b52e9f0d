#!/usr/bin/env python3
# blackhole.py PORTFILE: a listener on 127.0.0.1 whose backlog is full and
# which never accepts, so new connections can only time out.  Writes its
# port to PORTFILE when ready; exits after 120 seconds.
import os, socket, sys, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(0)
port = s.getsockname()[1]
fill = []
for i in range(8):
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(('127.0.0.1', port))
    except BlockingIOError:
        pass
    fill.append(c)
    time.sleep(0.05)
with open(sys.argv[1] + '.tmp', 'w') as f:
    f.write('%d\n' % port)
os.rename(sys.argv[1] + '.tmp', sys.argv[1])
time.sleep(120)
