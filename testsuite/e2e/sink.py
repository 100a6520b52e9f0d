#!/usr/bin/env python3
# sink.py PORT DIR [REPLY]: a minimal SMTP server on 127.0.0.1:PORT that
# stores each message it accepts in DIR as N.msg ("MAIL FROM" line, "RCPT
# TO" lines, a blank line, then the data).  REPLY, when given, is sent
# instead of 250 after the DATA (e.g. "554 no thanks").  Exits after 120 s.
import socket, sys, os, threading, time

port, out = int(sys.argv[1]), sys.argv[2]
final = sys.argv[3] if len(sys.argv) > 3 else "250 ok"
lock = threading.Lock()
count = [0]

def session(c):
    f = c.makefile("rb")
    def say(s):
        c.sendall(s.encode() + b"\r\n")
    say("220 sink.test ESMTP")
    env = []
    while True:
        line = f.readline()
        if not line:
            break
        cmd = line.decode("latin-1").rstrip("\r\n")
        u = cmd.upper()
        if u.startswith("HELO") or u.startswith("EHLO"):
            say("250 sink.test")
        elif u.startswith("MAIL FROM:"):
            env = [cmd]
            say("250 ok")
        elif u.startswith("RCPT TO:"):
            env.append(cmd)
            say("250 ok")
        elif u == "DATA":
            say("354 go")
            data = b""
            while True:
                l = f.readline()
                if not l or l == b".\r\n":
                    break
                if l.startswith(b".."):
                    l = l[1:]
                data += l
            with lock:
                count[0] += 1
                n = count[0]
            if final.startswith("2"):
                tmp = os.path.join(out, ".%d.tmp" % n)
                with open(tmp, "wb") as w:
                    w.write(("\n".join(env) + "\n\n").encode("latin-1") + data)
                os.rename(tmp, os.path.join(out, "%d.msg" % n))
            say(final)
        elif u == "QUIT":
            say("221 bye")
            break
        elif u in ("RSET", "NOOP"):
            say("250 ok")
        else:
            say("502 unimplemented")
    c.close()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(16)
s.settimeout(1)
end = time.time() + 120
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    threading.Thread(target=session, args=(c,), daemon=True).start()
