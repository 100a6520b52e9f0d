#!/bin/sh
# dg-summary.sh FILE.sum...: print "N passed, M failed" (", K skipped" when
# some were skipped) summed over DejaGnu .sum files.  Exits non-zero when
# anything failed or when nothing ran at all (no file, or no results).
if test $# -eq 0; then
  echo "0 passed, 1 failed (no .sum files)"
  exit 1
fi
for f in "$@"; do
  test -f "$f" || { echo "0 passed, 1 failed (missing $f)"; exit 1; }
done
cat "$@" | awk '
  /^PASS: / { p++ }
  /^(FAIL|XPASS|KPASS|UNRESOLVED): / { f++ }
  /^ERROR: / { f++ }
  /^(XFAIL|KFAIL|UNSUPPORTED|UNTESTED): / { s++ }
  END {
    line = sprintf("%d passed, %d failed", p, f)
    if (s > 0) line = line sprintf(", %d skipped", s)
    print line
    if (f > 0 || p + f == 0) exit 1
    exit 0
  }'
