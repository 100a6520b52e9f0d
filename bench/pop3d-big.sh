#!/bin/sh
# bench/pop3d-big.sh: qmail-pop3d on a Maildir of N messages (default
# 100000): wall time and peak resident memory of one session doing STAT,
# LIST, UIDL, one RETR and QUIT (which moves every new/ message to cur/).
#
#   bench/pop3d-big.sh [BUILDDIR]        N=${N:-100000}
#
# Runs qmail-pop3d as nobody when started as root.  Needs python3 and GNU
# time (/usr/bin/time) for the memory figure.
top=`cd "\`dirname "$0"\`/.." && pwd`
build=${1:-$top/_build}
n=${N:-100000}
dir=${BENCH_DIR:-/tmp/qm-pop3d-bench}
rm -rf "$dir"
mkdir -p "$dir/Maildir/new" "$dir/Maildir/cur" "$dir/Maildir/tmp" || exit 111
python3 - "$dir/Maildir" "$n" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    p = os.path.join(d, "cur" if i % 2 else "new",
                     "%d.M%dP1.bench%s" % (1000000000 + i, i, ":2,S" if i % 2 else ""))
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"Subject: m%d\n\nbody line\n" % i)
    os.utime(fd, (1000000000 + i, 1000000000 + i))
    os.close(fd)
PY
as=""
if test "`id -u`" = 0; then
  chown -R 65534:65534 "$dir"
  as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
cd "$dir" || exit 111
start=`date +%s.%N`
printf 'STAT\r\nLIST\r\nUIDL\r\nRETR %s\r\nQUIT\r\n' "$n" |
  /usr/bin/time -f "%M" -o "$dir/maxrss" $as "$build/src/qmail/qmail-pop3d" Maildir > "$dir/out"
end=`date +%s.%N`
lines=`wc -l < "$dir/out"`
echo "pop3d-big: $n messages, session `echo "$end - $start" | bc` s," \
  "peak RSS `cat "$dir/maxrss"` KiB, $lines reply lines"
cd / && rm -rf "$dir"
