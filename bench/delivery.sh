#!/bin/sh
# bench/delivery.sh: qmail-local delivering to a Maildir (and to an mbox
# for comparison), one process per message as qmail-lspawn runs it.
#
#   bench/delivery.sh [BUILDDIR]          (default: _build)
#
# Output, per target: deliveries per second (wall clock, sequential), CPU
# microseconds per delivery (user+system of each qmail-local, from
# wait4, so the driver's own cost is not counted), and the fsync calls
# per delivery (strace -c over a short run, when strace exists).
# N=${N:-2000} messages of ${SIZE:-2000} bytes; BENCH_DIR (default
# BUILDDIR/bench-delivery) should be on the disk that holds real mail:
# tmpfs makes fsync free.

top=`cd "\`dirname "$0"\`/.." && pwd`
build=${1:-$top/_build}
case $build in /*) ;; *) build=`pwd`/$build ;; esac
n=${N:-2000}
size=${SIZE:-2000}
dir=${BENCH_DIR:-$build/bench-delivery}
local=$build/src/qmail/qmail-local
test -x "$local" || { echo "delivery.sh: build $build first" >&2; exit 111; }
command -v python3 >/dev/null 2>&1 || { echo "delivery.sh: need python3" >&2; exit 111; }

rm -rf "$dir"
mkdir -p "$dir/home/Maildir/tmp" "$dir/home/Maildir/new" "$dir/home/Maildir/cur"
chmod 755 "$dir/home"
python3 - "$dir/msg" "$size" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
head = "From: bench@example.org\nTo: u@example.com\nSubject: bench\n\n"
line = "The quick brown fox jumps over the lazy dog, again and again.\n"
body = (line * (size // len(line) + 1))[:max(0, size - len(head) - 1)] + "\n"
open(path, "w").write(head + body)
PY

run() {  # target-line count
  printf '%s\n' "$1" > "$dir/home/.qmail"
  python3 - "$local" "$dir/home" "$dir/msg" "$2" <<'PY'
import os, sys, time
prog, home, msg, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
argv = [prog, "u", home, "u", "", "", "example.com", "s@example.org", "./Mailbox"]
devnull = os.open(os.devnull, os.O_WRONLY)
cpu = 0.0
start = time.time()
# posix_spawn (vfork-like): the child's rusage is the exec and
# qmail-local, not copy-on-write faults of the Python driver.
fa = [(os.POSIX_SPAWN_OPEN, 0, msg, os.O_RDONLY, 0),
      (os.POSIX_SPAWN_DUP2, devnull, 1)]
for i in range(n):
    pid = os.posix_spawn(prog, argv, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    if status != 0:
        sys.exit("qmail-local failed: status %d" % status)
    cpu += ru.ru_utime + ru.ru_stime
wall = time.time() - start
print("%.0f deliveries/s  %.0f us CPU/delivery" % (n / wall, cpu / n * 1e6))
if os.environ.get("BASELINE"):
    cpu = 0.0
    for i in range(200):
        pid = os.posix_spawn("/bin/true", ["true"], os.environ)
        _, status, ru = os.wait4(pid, 0)
        cpu += ru.ru_utime + ru.ru_stime
    print("         (/bin/true on this machine: %.0f us CPU)" % (cpu / 200 * 1e6))
PY
}

fsyncs() {  # target-line
  command -v strace >/dev/null 2>&1 || { echo "(no strace)"; return; }
  printf '%s\n' "$1" > "$dir/home/.qmail"
  k=50
  i=0
  rm -f "$dir/strace.out"
  while [ $i -lt $k ]; do
    strace -f -c -o "$dir/strace.one" -e trace=fsync,fdatasync \
      "$local" u "$dir/home" u '' '' example.com s@example.org ./Mailbox \
      < "$dir/msg" > /dev/null || exit 111
    cat "$dir/strace.one" >> "$dir/strace.out"
    i=`expr $i + 1`
  done
  awk -v k=$k '$NF=="fsync"||$NF=="fdatasync"{c+=$(NF-1)} END{printf "%.1f fsync calls/delivery\n", c/k}' "$dir/strace.out"
}

echo "qmail-local benchmark: N=$n, message $size bytes, dir $dir"
printf 'maildir: '; BASELINE=1 run ./Maildir/ "$n"
printf 'maildir: '; fsyncs ./Maildir/
printf 'mbox:    '; run ./Mailbox "$n"
printf 'mbox:    '; fsyncs ./Mailbox
echo "files in new/: `ls "$dir/home/Maildir/new" | wc -l`"
rm -rf "$dir"
