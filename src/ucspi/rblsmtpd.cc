// rblsmtpd: refuse mail from clients listed in an RBL, in front of smtpd.
//
// Usage: rblsmtpd [ -bBcC ] [ -t timeout ] [ -r base ] [ -a base ] smtpd
// Run by tcpserver in front of qmail-smtpd, as the SMTP server's uid.
// Decides from $RBLSMTPD, or from TXT (-r) and A (-a) lookups of the
// reversed $TCPREMOTEIP under each base in command-line order, whether
// to exec smtpd (not blocked) or to hold a minimal SMTP dialogue that
// answers every RCPT/DATA/... with "451 TEXT" (or 553 with -b or a
// RBLSMTPD starting with "-").  Trusts DNS and the client only as far as
// a logged, cleaned, 200-byte line.  Exit: smtpd's when not blocked; 0
// after a refusing dialogue; 100 usage; 111 if smtpd cannot be run.
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/dns.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/poll.h"
#include "src/lib/scan.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"

enum { kTextMax = 200, kLineMax = 1000 };

static void die_usage() {
  msg_usage("rblsmtpd [ -b ] [ -R ] [ -t timeout ] [ -r base ] [ -a base ] "
            "smtpd [ arg ... ]");
  _exit(100);
}

static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}

// The verdict: blocked or not, and the reply line (without CRLF).
struct Verdict {
  bool blocked;
  Bytes message;
};

static void set_message(Verdict* v, const char* code, const char* text,
                        size_t n) {
  if (n > kTextMax) n = kTextMax;
  v->blocked = true;
  v->message.clear();
  if (!v->message.append(code) || !v->message.append(text, n)) die_nomem();
  char* p = v->message.data();
  for (size_t i = 0; i < v->message.len(); ++i)
    if ((unsigned char) p[i] < 32 || (unsigned char) p[i] > 126) p[i] = '?';
}

// The fields of TCPREMOTEIP in reverse order, purely textual.
static void reverse_ip(Bytes& rev) {
  const char* ip = env_get("TCPREMOTEIP");
  if (!ip) ip = "";
  size_t n = str_len(ip);
  while (n) {
    size_t dot = byte_rchr(ip, n, '.');
    size_t start = dot < n ? dot + 1 : 0;
    if (!rev.append(ip + start, n - start)) die_nomem();
    if (dot == n) break;
    if (!rev.append_byte('.')) die_nomem();
    n = dot;
  }
}

// Walk the -r/-a sources in order (second option pass).
static void decide(int argc, char** argv, bool code553, bool failclosed,
                   Verdict* v) {
  Bytes rev, name, out;
  reverse_ip(rev);
  bool force451 = false;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "bBcCt:r:a:")) != -1) {
    if (c != 'r' && c != 'a') continue;
    name.clear();
    if (!name.append(rev) || (rev.len() && !name.append_byte('.')) ||
        !name.append(st.arg))
      die_nomem();
    if (c == 'r') {
      int r = dns_txt(out, name.data(), name.len());
      if (r == 1) {
        set_message(v, code553 && !force451 ? "553 " : "451 ", out.data(),
                    out.len());
        return;
      }
      if (r == -1 && failclosed) {
        const char* t = "temporary RBL lookup error";
        set_message(v, "451 ", t, str_len(t));
        return;
      }
    } else {
      int r = dns_ip4(out, name.data(), name.len());
      if (r == 1) return;
      if (r == -1) {
        if (!failclosed) return;
        force451 = true;
      }
    }
  }
}

static void put(const char* s, size_t n) {
  if (!write_all(1, s, n)) _exit(0);
}

static void reply(const Verdict& v) {
  put(v.message.data(), v.message.len());
  put("\r\n", 2);
}

// Answer one command line (CR already removed).
static void command(const Verdict& v, const char* line, size_t n) {
  size_t vn = byte_chr(line, n, ' ');
  if (case_equal(line, vn, "QUIT", 4)) {
    put("221 rblsmtpd.local\r\n", 20);
    _exit(0);
  }
  if (case_equal(line, vn, "HELO", 4) || case_equal(line, vn, "EHLO", 4) ||
      case_equal(line, vn, "RSET", 4) || case_equal(line, vn, "NOOP", 4) ||
      case_equal(line, vn, "MAIL", 4))
    put("250 rblsmtpd.local\r\n", 20);
  else
    reply(v);
}

// The refusing dialogue, bounded by one deadline for the whole session.
static void dialogue(const Verdict& v, unsigned long timeout) {
  signal(SIGPIPE, SIG_IGN);
  put("220 rblsmtpd.local\r\n", 20);
  unsigned long sec, usec;
  now_tv(&sec, &usec);
  double end = (double) sec + (double) usec / 1e6 + (double) timeout;
  Bytes line;
  bool overlong = false;
  char buf[1024];
  for (;;) {
    now_tv(&sec, &usec);
    double now = (double) sec + (double) usec / 1e6;
    if (now >= end) _exit(0);
    PollFd p;
    p.fd = 0;
    p.events = kPollIn;
    int r = io_pause(&p, 1, (long) ((end - now) * 1000) + 1);
    if (r == -1 && errno != EINTR) _exit(0);
    if (r <= 0) continue;
    long got = read(0, buf, sizeof buf);
    if (got == -1 && errno == EINTR) continue;
    if (got <= 0) _exit(0);
    for (long i = 0; i < got; ++i) {
      if (buf[i] != '\n') {
        if (line.len() < kLineMax) {
          if (!line.append_byte(buf[i])) die_nomem();
        } else {
          overlong = true;
        }
        continue;
      }
      size_t n = line.len();
      if (n && line.data()[n - 1] == '\r' && !overlong) --n;
      command(v, line.data(), n);
      line.clear();
      overlong = false;
    }
  }
}

static void log_block(const Verdict& v) {
  const char* ip = env_get("TCPREMOTEIP");
  char pid[kFmtUlong + 1];
  pid[fmt_ulong(pid, (unsigned long) getpid())] = 0;
  Bytes l;
  if (!l.append("rblsmtpd: ") || !l.append(ip ? ip : "") ||
      !l.append(" pid ") || !l.append(pid) || !l.append(": ") ||
      !l.append(v.message) || !l.append_byte('\n'))
    die_nomem();
  write_all(2, l.data(), l.len());
}

int main(int argc, char** argv) {
  msg_init("rblsmtpd");
  bool code553 = false, failclosed = false;
  unsigned long timeout = 60;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "bBcCt:r:a:")) != -1) {
    switch (c) {
      case 'b': code553 = true; break;
      case 'B': code553 = false; break;
      case 'c': failclosed = true; break;
      case 'C': failclosed = false; break;
      case 't': timeout = 0; scan_ulong_cstr(st.arg, &timeout); break;
      case 'r': case 'a': break;
      default: die_usage();
    }
  }
  if (st.ind >= argc) die_usage();
  char** smtpd = argv + st.ind;
  Verdict v;
  v.blocked = false;
  const char* forced = env_get("RBLSMTPD");
  if (forced) {
    if (*forced == '-')
      set_message(&v, "553 ", forced + 1, str_len(forced + 1));
    else if (*forced)
      set_message(&v, "451 ", forced, str_len(forced));
  } else {
    decide(st.ind, argv, code553, failclosed, &v);
  }
  if (v.blocked) {
    log_block(v);
    if (!timeout) {
      reply(v);
      _exit(0);
    }
    dialogue(v, timeout);
  }
  path_exec(smtpd);
  msg_fatal_sys("unable to run ", smtpd[0]);
  _exit(111);
}
