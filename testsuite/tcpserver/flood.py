#!/usr/bin/env python3
"""flood: open many connections to a tcpserver at once.

Usage: flood.py PORT COUNT SECONDS
Every third client resets its connection at once (SO_LINGER 0); the others
wait for the whole reply.  Prints "served N aborted M failed K" where N
counts replies equal to "hi\\n".  Every wait is bounded by SECONDS.
"""
import socket
import struct
import sys
import threading

port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
lock = threading.Lock()
tally = {"served": 0, "aborted": 0, "failed": 0}


def client(i):
    kind = "failed"
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=seconds)
        if i % 3 == 2:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                         struct.pack("ii", 1, 0))
            s.close()
            kind = "aborted"
        else:
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            s.close()
            if data == b"hi\n":
                kind = "served"
    except OSError:
        pass
    with lock:
        tally[kind] += 1


threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join(seconds + 5)
print("served %d aborted %d failed %d" %
      (tally["served"], tally["aborted"], tally["failed"]))
