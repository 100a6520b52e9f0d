#!/usr/bin/env python3
# fakeqq.py: a stand-in for qmail-queue in the smtp tests.  Reads the
# message on fd 0 and the envelope on fd 1 like qmail-queue, and records
# them in $FAKEQQ_DIR/N.msg and N.env (N counts up) only when the envelope
# is complete; exits with $FAKEQQ_EXIT (default 0) or 54 on a short
# envelope, as qmail-queue would.
import os, sys
d = os.environ["FAKEQQ_DIR"]
msg = b""
while True:
    b = os.read(0, 65536)
    if not b:
        break
    msg += b
env = b""
while True:
    b = os.read(1, 65536)
    if not b:
        break
    env += b
if not env.startswith(b"F") or not env.endswith(b"\0\0") and env != b"F\0\0":
    sys.exit(54)
code = int(os.environ.get("FAKEQQ_EXIT", "0"))
if code == 0:
    n = 0
    while os.path.exists(os.path.join(d, "%d.msg" % n)):
        n += 1
    with open(os.path.join(d, "%d.env" % n), "wb") as f:
        f.write(env)
    with open(os.path.join(d, "%d.msg" % n), "wb") as f:
        f.write(msg)
sys.exit(code)
