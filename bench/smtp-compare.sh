#!/bin/sh
# bench/smtp-compare.sh: our qmail-smtpd/qmail-send against Postfix from
# Debian's package, on the same machine in the same run.
#
#   bench/smtp-compare.sh [BUILDDIR]     (default: _build; run as root)
#
# Both systems get the same load from Postfix's smtp-source on loopback:
#   accept-c1   N messages over 1 connection stream (smtp-source -s 1)
#   accept-c20  N messages over 20 parallel sessions (smtp-source -s 20)
#   e2e-c20     N messages, c20, until all are in the Maildir
#   relay-c20   N messages, c20, relayed to smtp-sink, until the queue is empty
#   mem         Pss/RSS per idle SMTP session (50 sessions open)
# Ours: tcpserver + qmail-smtpd, qmail-send with our full fsync discipline,
# delivery by qmail-local to a Maildir, remote by qmail-remote through
# smtproutes.  Postfix: a private instance (own config and queue under the
# bench directory), virtual(8) delivery to a Maildir, smtp(8) to the sink.
# Output: one line per test with both figures and the ratio ours/Postfix
# (messages per second; for mem, Postfix/ours).
#
# Needs: postfix (smtp-source, smtp-sink), python3, root (Postfix's master
# runs as root).  N=${N:-2000}.  Ports: 127.0.0.1:2725-2728.

top=`cd "\`dirname "$0"\`/.." && pwd`
build=${1:-$top/_build}
case $build in /*) ;; *) build=`pwd`/$build ;; esac
n=${N:-2000}
dir=${BENCH_DIR:-/tmp/qm-smtp-bench}
qport=2725; pport=2726; qsink=2727; psink=2728
size=1000

die() { echo "smtp-compare: fatal: $*" >&2; cleanup; exit 111; }
for p in smtp-source smtp-sink postfix python3; do
  command -v $p >/dev/null 2>&1 || PATH=$PATH:/usr/sbin
  command -v $p >/dev/null 2>&1 || { echo "smtp-compare: need $p" >&2; exit 111; }
done
test "`id -u`" = 0 || { echo "smtp-compare: run as root (Postfix)" >&2; exit 111; }
test -x "$build/src/qmail/qmail-smtpd" || { echo "smtp-compare: build $build first" >&2; exit 111; }

pids=
cleanup() {
  for p in $pids; do kill -TERM $p 2>/dev/null; done
  sleep 1
  for p in $pids; do kill -KILL $p 2>/dev/null; done
  postfix -c $dir/pf/etc stop >/dev/null 2>&1
  pids=
}
trap 'cleanup; exit 1' INT TERM

now() { python3 -c 'import time; print("%.3f" % time.time())'; }
rate() { python3 -c "print('%.0f' % ($1 / ($3 - $2)))"; }
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
count() { ls "$1" 2>/dev/null | wc -l; }
# wait until command prints a number >= target (bounded: 600 s)
wait_ge() {
  t=0
  while test "`eval "$1"`" -lt "$2"; do
    sleep 0.05; t=`expr $t + 1`; test $t -gt 12000 && return 1
  done
  return 0
}

wait_zero() {
  t=0
  while test "`eval "$1"`" -gt 0; do
    sleep 0.05; t=`expr $t + 1`; test $t -gt 12000 && return 1
  done
  return 0
}

rm -rf $dir; mkdir -p $dir || exit 111
uid=`id -u`; gid=`id -g`; user=`id -un`
# qmail never delivers as root: local deliveries run as nobody.
test "$uid" = 0 && { uid=`id -u nobody`; gid=`id -g nobody`; user=nobody; }

# ---- ours ----------------------------------------------------------------
q=$dir/qmail
"$build/src/install/qmail-hier" make $q || die "qmail-hier"
for d in src/qmail src/ucspi; do
  for p in "$build/$d"/*; do
    test -f "$p" && test -x "$p" || continue
    case `basename $p` in *.*) continue ;; esac
    ln -sf "$p" $q/bin/
  done
done
QM_SANDBOX_HOME=$q; export QM_SANDBOX_HOME
echo bench.localhost >$q/control/me
printf 'bench.test\n' >$q/control/locals
printf 'bench.test\nsink.test\n' >$q/control/rcpthosts
printf 'sink.test:127.0.0.1:%s\n' $qsink >$q/control/smtproutes
echo 20 >$q/control/concurrencyremote
mkdir -p $dir/qmail-mail && $q/bin/maildirmake $dir/qmail-mail/Maildir
echo ./Maildir/ >$dir/qmail-mail/.qmail-default
chown -R $uid:$gid $dir/qmail-mail
chmod 755 $dir
printf '+:%s:%s:%s:%s:-::\n.\n' $user $uid $gid $dir/qmail-mail >$q/users/assign
$q/bin/qmail-newu || die "qmail-newu"

start_ours() {
  (cd $q && exec env - PATH=$q/bin:$PATH QM_SANDBOX_HOME=$q \
     qmail-start ./Maildir/ >$dir/qmail-send.log 2>&1) &
  pids="$pids $!"
  env - PATH=$q/bin:$PATH QM_SANDBOX_HOME=$q $q/bin/tcpserver -R -H -l bench \
    -c 100 -b 100 127.0.0.1 $qport $q/bin/qmail-smtpd >$dir/tcpserver.log 2>&1 &
  pids="$pids $!"
  sleep 1
}

# ---- Postfix -------------------------------------------------------------
pf=$dir/pf
mkdir -p $pf/etc $pf/queue $pf/data $pf/mail
chown postfix $pf/data
chown postfix:postfix $pf/mail
puid=`id -u postfix`; pgid=`id -g postfix`
cat >$pf/etc/main.cf <<EOF
compatibility_level = 3.6
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
myhostname = bench.localhost
mydestination =
alias_maps =
alias_database =
local_recipient_maps =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
virtual_mailbox_domains = bench.test
virtual_mailbox_base = $pf/mail
virtual_mailbox_maps = static:box/
virtual_uid_maps = static:$puid
virtual_gid_maps = static:$pgid
relay_domains = sink.test
transport_maps = inline:{ sink.test=smtp:[127.0.0.1]:$psink }
maillog_file = $pf/maillog
maillog_file_prefixes = $dir
default_process_limit = 100
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
EOF
sed -e "s/^smtp      inet  n       -       y/127.0.0.1:$pport inet n - n/" \
  /usr/share/postfix/master.cf.dist >$pf/etc/master.cf
test -f /etc/postfix/main.cf || { mkdir -p /etc/postfix; : >/etc/postfix/main.cf; }
grep -q "^alternate_config_directories.*$pf/etc" /etc/postfix/main.cf ||
  echo "alternate_config_directories = $pf/etc" >>/etc/postfix/main.cf
start_pf() { postfix -c $pf/etc start >/dev/null 2>&1 || die "postfix start"; sleep 2; }
stop_pf() { postfix -c $pf/etc stop >/dev/null 2>&1; sleep 1; }
pf_queued() {
  find $pf/queue/incoming $pf/queue/active $pf/queue/deferred \
    $pf/queue/maildrop -type f 2>/dev/null | wc -l
}

src() {   # src SESSIONS PORT RCPT
  smtp-source -s $1 -m $n -l $size -f bench@source.test -t $3 127.0.0.1:$2 ||
    echo "smtp-compare: smtp-source failed" >&2
}

report() {  # name ours pf
  echo "$1: ours $2 msg/s, postfix $3 msg/s, ratio `ratio $2 $3`"
}

# ---- runs ------------------------------------------------------------------
smtp-sink -u postfix -c 127.0.0.1:$qsink 256 >/dev/null 2>&1 & pids="$pids $!"
smtp-sink -u postfix -c 127.0.0.1:$psink 256 >/dev/null 2>&1 & pids="$pids $!"
start_ours
start_pf
echo "smtp-compare: N=$n messages of $size bytes, `nproc` CPUs, `date -u`"

box=$dir/qmail-mail/Maildir/new
pbox=$pf/mail/box/new
for s in 1 20; do
  b=`count $box`
  t0=`now`; src $s $qport x@bench.test; t1=`now`
  wait_ge "count $box" `expr $b + $n`; t2=`now`
  ours=`rate $n $t0 $t1`; ours_e=`rate $n $t0 $t2`
  b=`count $pbox`
  t0=`now`; src $s $pport x@bench.test; t1=`now`
  wait_ge "count $pbox" `expr $b + $n`; t2=`now`
  pfr=`rate $n $t0 $t1`; pf_e=`rate $n $t0 $t2`
  report "accept-c$s" $ours $pfr
  report "e2e-c$s (SMTP to Maildir)" $ours_e $pf_e
done

t0=`now`; src 20 $qport x@sink.test
wait_zero "find $q/queue/mess -type f | wc -l"
t1=`now`; ours=`rate $n $t0 $t1`
t0=`now`; src 20 $pport x@sink.test
wait_zero pf_queued
t1=`now`; pfr=`rate $n $t0 $t1`
report "relay-c20 (SMTP in, to smtp-sink)" $ours $pfr

# Memory: 50 idle sessions each; Pss and RSS of the per-session processes.
mem() {  # port procname
  python3 - "$1" "$2" <<'EOF'
import socket, sys, time, os, subprocess
port, name = int(sys.argv[1]), sys.argv[2]
def procs():
    out = subprocess.run(["pgrep", "-x", name], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]
before = set(procs())
socks = []
for i in range(50):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.recv(512)
    s.sendall(b"HELO bench\r\n"); s.recv(512)
    s.sendall(b"MAIL FROM:<a@b.test>\r\n"); s.recv(512)
    socks.append(s)
time.sleep(1)
pss = rss = k = 0
for p in procs():
    if p in before: continue
    try:
        for line in open("/proc/%d/smaps_rollup" % p):
            if line.startswith("Pss:"): pss += int(line.split()[1])
            if line.startswith("Rss:"): rss += int(line.split()[1])
        k += 1
    except OSError:
        pass
print("%d %d %d" % (pss // max(k, 1), rss // max(k, 1), k))
for s in socks: s.close()
EOF
}
set -- `mem $qport qmail-smtpd`; opss=$1; orss=$2; on=$3
set -- `mem $pport smtpd`; ppss=$1; prss=$2; pn=$3
echo "mem per session: ours Pss ${opss} kB RSS ${orss} kB ($on procs), postfix Pss ${ppss} kB RSS ${prss} kB ($pn procs), ratio postfix/ours Pss `ratio $ppss $opss`"

cleanup
