#!/usr/bin/env python3
# smtpdrive.py: drive qmail-smtpd (argv[2]) over pipes for the smtp tests.
# Modes (argv[1]):
#   pipeline  send commands one at a time and wait for each reply (the
#             server must flush when its input is empty), then a pipelined
#             batch in one write; print the replies.
#   timeout   read the greeting, then stay silent; print what comes and
#             the exit status.
#   flood N   N RCPTs plus huge lines, replies read concurrently; print the
#             count of each reply code and the child's peak RSS in KiB.
#   lf        a bare LF inside DATA; print replies and exit status.
import os, resource, subprocess, sys, threading, time

prog = sys.argv[2]


def start(datalimit=None):
    def lim():
        if datalimit:
            resource.setrlimit(resource.RLIMIT_DATA, (datalimit, datalimit))
    return subprocess.Popen([prog], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, bufsize=0,
                            preexec_fn=lim)


def readline(p, limit=10):
    # one reply line, bounded in time by the caller's alarm
    line = b""
    while not line.endswith(b"\n"):
        c = p.stdout.read(1)
        if not c:
            break
        line += c
    return line


def pipeline():
    p = start()
    out = [readline(p)]
    for cmd in [b"EHLO x", b"MAIL FROM:<a@b>", b"RCPT TO:<c@example.com>",
                b"RSET", b"NOOP"]:
        p.stdin.write(cmd + b"\r\n")
        out.append(readline(p))
        while out[-1][3:4] == b"-":
            out.append(readline(p))
    batch = (b"MAIL FROM:<a@b>\r\nRCPT TO:<c@example.com>\r\n"
             b"RCPT TO:<d@example.com>\r\nDATA\r\n")
    p.stdin.write(batch)
    for i in range(4):
        out.append(readline(p))
    p.stdin.write(b"hello\r\n.\r\nQUIT\r\n")
    out.append(readline(p))
    out.append(readline(p))
    p.stdin.close()
    p.wait()
    sys.stdout.write(b"".join(out).decode("latin-1"))
    print("status", p.returncode)


def timeout():
    p = start()
    out = readline(p)
    t0 = time.time()
    out += p.stdout.read()
    p.wait()
    sys.stdout.write(out.decode("latin-1"))
    print("status", p.returncode)
    print("waited", int(time.time() - t0 + 0.5))


def hwm(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for l in f:
                if l.startswith("VmHWM:"):
                    return int(l.split()[1])
    except OSError:
        pass
    return -1


def flood(n):
    # ulimit -d 16 MB: what the seeds' administrators had to add by hand.
    p = start(16 * 1024 * 1024)
    counts = {}
    total = [0]

    def reader():
        buf = b""
        while True:
            b = p.stdout.read(65536)
            if not b:
                break
            buf += b
            lines = buf.split(b"\r\n")
            buf = lines.pop()
            for l in lines:
                counts[l[:3]] = counts.get(l[:3], 0) + 1
                total[0] += 1

    th = threading.Thread(target=reader)
    th.start()
    w = p.stdin
    w.write(b"HELO " + b"h" * 5000000 + b"\r\n")
    w.write(b"MAIL FROM:<flood@example.org>\r\n")
    chunk = []
    for i in range(n):
        chunk.append(b"RCPT TO:<recipient-number-%08d@example.com>\r\n" % i)
        if len(chunk) == 1000:
            w.write(b"".join(chunk))
            chunk = []
    w.write(b"".join(chunk))
    w.write(b"RCPT TO:<" + b"x" * 20000000 + b"@example.com>\r\n")
    w.write(b"NOOP " + b"y" * 20000000 + b"\r\n")
    w.write(b"Z" * 30000000 + b"\r\n")
    end = time.time() + 120
    while total[0] < n + 6 and time.time() < end and p.poll() is None:
        time.sleep(0.05)
    peak = hwm(p.pid)
    w.write(b"QUIT\r\n")
    w.close()
    th.join()
    p.wait()
    for k in sorted(counts):
        print(k.decode("latin-1"), counts[k])
    print("status", p.returncode)
    print("peak", peak)


def lf():
    p = start()
    p.stdin.write(b"MAIL FROM:<a@b>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n"
                  b"Subject: x\r\n\r\nbare\nline\r\n.\r\nQUIT\r\n")
    p.stdin.close()
    out = p.stdout.read()
    p.wait()
    sys.stdout.write(out.decode("latin-1"))
    print("status", p.returncode)


mode = sys.argv[1]
if mode == "pipeline":
    pipeline()
elif mode == "timeout":
    timeout()
elif mode == "flood":
    flood(int(sys.argv[3]))
elif mode == "lf":
    lf()
