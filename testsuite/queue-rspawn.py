#!/usr/bin/env python3
# queue-rspawn.py: stand-in for qmail-rspawn in the queue tests.  Speaks
# the spawn protocol; the result depends on the recipient's local part:
# "defer..." -> Z, "fail..." -> D with a remote-style text, else K.
# Every command is appended to $QM_SANDBOX_HOME/rspawn.log.
import os, sys
home = os.environ.get("QM_SANDBOX_HOME", ".")
out = sys.stdout.buffer
out.write(bytes([120]))
out.flush()
data = b""
inp = sys.stdin.buffer.raw
while True:
    chunk = inp.read(4096)
    if not chunk:
        break
    data += chunk
    while True:
        if len(data) < 1:
            break
        parts = data[1:].split(b"\0", 3)
        if len(parts) < 4:
            break
        slot = data[0]
        mess, sender, rcpt, data = parts
        with open(os.path.join(home, "rspawn.log"), "ab") as f:
            f.write(mess + b"|" + sender + b"|" + rcpt + b"\n")
        if rcpt.startswith(b"defer"):
            rep = b"Z127.0.0.1 does not like recipient.\nRemote host said: 450 later\n"
        elif rcpt.startswith(b"fail"):
            rep = (b"D127.0.0.1 does not like recipient.\nRemote host said: 550 no such user\n"
                   b"Giving up on 127.0.0.1.\n")
        else:
            rep = b"K127.0.0.1 accepted message.\nRemote host said: 250 ok\n"
        out.write(bytes([slot]) + rep + b"\0")
        out.flush()
