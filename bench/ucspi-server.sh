#!/bin/sh
# bench/ucspi-server.sh: our tcpserver and tcprules against ucspi-tcp 0.88
# (Debian's /usr/bin/tcpserver and /usr/bin/tcprules) on the same machine
# in the same run.
#
#   bench/ucspi-server.sh [BUILDDIR]     (default: _build)
#
#   conn            connections per second on 127.0.0.1, program "true",
#                   C parallel clients (C=${C:-4}), each connection read to
#                   EOF; best of R=${R:-2} runs
#   conn-rules      the same with -x and a 10,000-rule cdb in which no key
#                   but the default matches, so every connection walks the
#                   whole lookup order
#   tcprules-100k   seconds to compile 100,000 rule lines (best of 3)
# Servers run with -R -H -l0 (no ident, no DNS) and the default -c 40.
# Output: one line per test with both figures and the ratio ours/0.88.
# Needs python3.  N=${N:-2000} connections per run.

top=`cd "\`dirname "$0"\`/.." && pwd`
build=${1:-$top/_build}
case $build in /*) ;; *) build=`pwd`/$build ;; esac
n=${N:-2000}
c=${C:-4}
dir=${BENCH_DIR:-/tmp/qm-ucspi-bench}

for p in python3 /usr/bin/tcpserver /usr/bin/tcprules; do
  command -v $p >/dev/null 2>&1 || { echo "ucspi-server: need $p" >&2; exit 111; }
done
test -x "$build/src/ucspi/tcpserver" || { echo "ucspi-server: build $build first" >&2; exit 111; }
rm -rf $dir && mkdir -p $dir || exit 111

# Rule files: 10,000 lines for the servers, 100,000 for the compile test.
python3 - $dir <<'PY'
import sys, random
d = sys.argv[1]
r = random.Random(1)
def rules(n):
    out = []
    for i in range(n):
        a, b, c2 = r.randrange(10, 250), r.randrange(256), r.randrange(256)
        k = i % 4
        if k == 0: out.append("%d.%d.%d.%d:deny" % (a, b, c2, r.randrange(256)))
        elif k == 1: out.append("%d.%d.:allow,RELAYCLIENT=\"\"" % (a, b))
        elif k == 2: out.append("=h%d.example.com:allow,X=\"%d\"" % (i, i))
        else: out.append("u%d@%d.%d.%d.1:deny" % (i, a, b, c2))
    return "\n".join(out) + "\n:allow,DEFAULT=\"yes\"\n"
open(d + "/rules10k", "w").write(rules(10000))
open(d + "/rules100k", "w").write(rules(100000))
PY

# Connections per second against a server on PORT: N connections from C
# threads, each read to EOF.
load() {
  python3 - "$1" $n $c <<'PY'
import socket, sys, threading, time
port, n, c = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
left = [n]
lock = threading.Lock()
bad = [0]
def run():
    while True:
        with lock:
            if left[0] == 0: return
            left[0] -= 1
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            while s.recv(4096): pass
            s.close()
        except OSError:
            bad[0] += 1
t0 = time.time()
ts = [threading.Thread(target=run) for _ in range(c)]
for t in ts: t.start()
for t in ts: t.join()
dt = time.time() - t0
print("%.0f" % ((n - bad[0]) / dt) if not bad[0] else "errors:%d" % bad[0])
PY
}

# serve NAME TCPSERVER [OPTIONS]: rate of that server.
serve() {
  prog=$1; shift
  $prog -1 -q -R -H -l0 "$@" 127.0.0.1 0 true > $dir/port 2>/dev/null &
  pid=$!
  i=0
  while test ! -s $dir/port && test $i -lt 50; do sleep 0.1; i=`expr $i + 1`; done
  load `cat $dir/port`
  kill -TERM $pid 2>/dev/null
  wait $pid 2>/dev/null
  rm -f $dir/port
}

ratio() { python3 -c "print('%.2f' % (float('$1') / float('$2')))" 2>/dev/null || echo "-"; }

ours=$build/src/ucspi/tcprules
$ours $dir/r10k.cdb $dir/r10k.tmp < $dir/rules10k || exit 111

# Best of R=${R:-2} runs each, ours and 0.88 alternating, so that a
# change in the machine's load hits both alike.
best() { python3 -c "import sys; print(max(sys.argv[1:], key=float))" "$@" 2>/dev/null || echo "$1"; }
compare_serve() {
  label=$1; shift
  as=; bs=
  for i in `seq ${R:-2}`; do
    as="$as `serve $build/src/ucspi/tcpserver "$@"`"
    bs="$bs `serve /usr/bin/tcpserver "$@"`"
  done
  a=`best $as`; b=`best $bs`
  echo "$label ours $a/s  0.88 $b/s  ratio `ratio $a $b`"
}
compare_serve "conn         "
compare_serve "conn-rules   " -x $dir/r10k.cdb

# Best of three compile times.
compile() {
  best=
  for i in 1 2 3; do
    t=`python3 -c '
import subprocess, sys, time
t0 = time.time()
subprocess.run([sys.argv[1], sys.argv[2] + "/c.cdb", sys.argv[2] + "/c.tmp"],
               stdin=open(sys.argv[2] + "/rules100k"), check=True)
print("%.3f" % (time.time() - t0))' $1 $dir`
    if test -z "$best" || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
  done
  echo $best
}
a=`compile $ours`
cp $dir/c.cdb $dir/ours.cdb
b=`compile /usr/bin/tcprules`
same=no
cmp -s $dir/ours.cdb $dir/c.cdb && same=yes
echo "tcprules-100k ours ${a}s  0.88 ${b}s  ratio `ratio $a $b`  (identical cdb: $same)"
rm -rf $dir
