#!/bin/sh
# bench/queue.sh: N small messages (default 5000) from qmail-queue through
# qmail-send, qmail-lspawn and qmail-local into a Maildir, in a sandbox
# home under the build tree.  Reports messages per second, CPU
# microseconds per message for every process involved (qmail-queue,
# qmail-send, qmail-lspawn and its children, qmail-local, qmail-clean;
# measured as the rusage of all descendants of a subreaper driver, the
# driver itself excluded), the cost of starting /bin/true on this machine
# for comparison, and fsyncs per message (strace -c -f over a smaller run).
#
#   bench/queue.sh [ BUILDDIR [ N [ PARALLEL ] ] ]
# BUILDDIR defaults to ./_build; PARALLEL injectors (default 4).  As root
# the deliveries go to uid 65534, otherwise to the caller.  Needs python3.
if test "$1" = --inner; then
  home=$2 m=$3
  ( cd / && exec env - PATH="$home/bin:/usr/bin:/bin" QM_SANDBOX_HOME=$home \
      qmail-start ./Maildir/ > "$home/log2" 2>&1 ) &
  sleep 0.5
  printf 'Subject: bench\n\nA small message.\n' > "$home/msg"
  printf 'Fs@bench.example\0Tu@bench.example\0\0' > "$home/env"
  i=0
  while test $i -lt $m; do
    QM_SANDBOX_HOME=$home "$home/bin/qmail-queue" < "$home/msg" 1< "$home/env"
    i=`expr $i + 1`
  done
  while test `ls "$home/u/Maildir/new" | wc -l` -lt $m; do sleep 0.2; done
  for p in /proc/[0-9]*; do
    test "`readlink $p/cwd`" = "$home/queue" && grep -q '^qmail-send$' $p/comm 2>/dev/null && kill -TERM ${p#/proc/}
  done
  wait
  exit 0
fi
top=`cd "\`dirname "$0"\`/.." && pwd`
build=`cd "${1:-$top/_build}" && pwd` || exit 111
n=${2:-5000}
par=${3:-4}
home=$build/bench-home

setup() {
  rm -rf "$home"
  "$build/src/install/qmail-hier" make "$home" || exit 111
  chmod 755 "$home"
  for p in "$build"/src/qmail/*; do
    test -f "$p" && test -x "$p" && ln -sf "$p" "$home/bin/"
  done
  echo bench.example > "$home/control/me"
  uid=`id -u`; test "$uid" = 0 && uid=65534
  mkdir -p "$home/u/Maildir/tmp" "$home/u/Maildir/new" "$home/u/Maildir/cur"
  chown -R $uid "$home/u" 2>/dev/null
  printf '=u:u:%s:%s:%s/u:::\n.\n' $uid $uid "$home" > "$home/users/assign"
  QM_SANDBOX_HOME=$home "$home/bin/qmail-newu" || exit 111
}

setup
python3 - "$home" "$n" "$par" <<'PY'
import ctypes, os, resource, signal, subprocess, sys, time
home, n, par = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
libc = ctypes.CDLL(None, use_errno=True)
libc.prctl(36, 1, 0, 0, 0)            # PR_SET_CHILD_SUBREAPER
msg = b"Subject: bench\n\nA small message.\n"
env = b"Fs@bench.example\0Tu@bench.example\0\0"
open(home + "/msg", "wb").write(msg)
open(home + "/env", "wb").write(env)
qenv = dict(QM_SANDBOX_HOME=home)

def reap_all():
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return

# Cost of a process start here, for comparison.
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
for i in range(200):
    subprocess.run(["/bin/true"])
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
true_us = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) / 200 * 1e6

r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
log = open(home + "/log", "wb")
daemon = subprocess.Popen(["qmail-start", "./Maildir/"], cwd="/", stdout=log,
    env=dict(PATH=home + "/bin:/usr/bin:/bin", QM_SANDBOX_HOME=home))
time.sleep(0.5)
new = home + "/u/Maildir/new"
t0 = time.time()
running = []
sent = 0
fm = os.open(home + "/msg", os.O_RDONLY)
fe = os.open(home + "/env", os.O_RDONLY)
while sent < n or running:
    while sent < n and len(running) < par:
        m = os.open(home + "/msg", os.O_RDONLY)
        e = os.open(home + "/env", os.O_RDONLY)
        running.append(subprocess.Popen([home + "/bin/qmail-queue"], stdin=m, stdout=e, env=qenv))
        os.close(m); os.close(e)
        sent += 1
    p = running.pop(0)
    if p.wait() != 0:
        sys.exit("qmail-queue failed")
t_inj = time.time()
while len(os.listdir(new)) < n:
    time.sleep(0.05)
t1 = time.time()
# Per-process CPU of the long-lived processes (and of the children each
# has reaped: qmail-lspawn's are the deliveries), from /proc, in ticks.
hz = os.sysconf("SC_CLK_TCK")
def stat(pid):
    f = open("/proc/%d/stat" % pid).read()
    comm = f[f.index("(") + 1:f.rindex(")")]
    v = f[f.rindex(")") + 2:].split()
    return comm, int(v[11]) + int(v[12]), int(v[13]) + int(v[14]), int(v[1])
breakdown = []
for p in os.listdir("/proc"):
    try:
        comm, own, kids, ppid = stat(int(p))
    except (OSError, ValueError):
        continue
    if int(p) == daemon.pid or ppid == daemon.pid:
        breakdown.append("%s %.0f (+children %.0f)" % (comm, own * 1e6 / hz / n, kids * 1e6 / hz / n))
daemon.send_signal(signal.SIGTERM)
daemon.wait()
time.sleep(0.5)
reap_all()
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print("messages: %d (%d parallel injectors)" % (n, par))
print("elapsed: %.2f s, %.1f messages/s (injection done after %.2f s)" % (t1 - t0, n / (t1 - t0), t_inj - t0))
print("CPU: %.0f microseconds per message, all processes (user %.0f, system %.0f)" % (
    cpu / n * 1e6, (r1.ru_utime - r0.ru_utime) / n * 1e6, (r1.ru_stime - r0.ru_stime) / n * 1e6))
print("per process, microseconds per message: " + ", ".join(breakdown))
print("for comparison, starting /bin/true costs %.0f microseconds here" % true_us)
print("end msg lines: %d" % open(home + "/log", "rb").read().count(b"end msg"))
PY

# fsyncs per message: a smaller run under strace.
if command -v strace >/dev/null 2>&1; then
  m=100
  setup
  strace -f -c -e trace=fsync,fdatasync,sync_file_range -o "$home/strace" \
    sh "$0" --inner "$home" $m
  awk -v m=$m '$NF ~ /sync/ { c += $4 } END { printf "fsyncs: %.2f per message (strace -c -f, %d messages)\n", c/m, m }' "$home/strace"
fi
