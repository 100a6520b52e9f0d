// qmail-smtpd: receive mail by SMTP and hand it to qmail-queue.
//
// Started by tcpserver (or inetd through tcp-env) as qmaild, one process
// per connection; the SMTP session is on fd 0 (from the client) and fd 1
// (to it).  Trusts its environment (TCPREMOTEIP, TCPREMOTEHOST,
// TCPREMOTEINFO, TCPLOCALHOST, TCPLOCALIP, RELAYCLIENT, DATABYTES) and the
// control files; trusts nothing the client sends.  Every reply is the one
// of qmail 1.03 (qmail-core §13); beyond 1.03: SIZE in EHLO when databytes
// is set, control/badrcptto, and a hard bound on the memory of a session
// (README, man page): a command line is cut at kMaxLine bytes and the
// recipients of one message at kMaxRcptBytes, so no client input grows
// memory beyond that.  Writes messages only through qmail-queue.
// Exit codes: 0 after QUIT or when the client hangs up, 111 after a
// timeout, a read or write error, a control file problem or no memory.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/net.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/ctl.h"
#include "src/mail/domainmap.h"
#include "src/mail/qqclient.h"
#include "src/mail/rcpthosts.h"
#include "src/mail/received.h"

enum {
  kMaxLine = 4096,                // bytes of one command line kept
  kMaxAddr = 900,                 // 1.03: longer addresses are a syntax error
  kMaxRcptBytes = 1024 * 1024,    // envelope recipients of one message
  kMaxHops = 100
};

struct Session {
  Output* out;
  Input* in;
  unsigned int timeout;
  Bytes greeting;
  Bytes liphost;
  bool liphost_ok;
  RcptHosts rcpthosts;
  DomainMap bmf;
  bool bmf_ok;
  DomainMap brt;
  bool brt_ok;
  unsigned long databytes;
  const char* remoteip;
  const char* remotehost;
  const char* remoteinfo;
  const char* local;
  const char* relayclient;
  Bytes helo;
  bool fakehelo;
  bool seenmail;
  bool flagbarf;
  Bytes mailfrom;
  Bytes rcptto;       // "T" address NUL, as the envelope wants it
  Bytes addr;         // the address being parsed
  Bytes line;
  Bytes ipme;         // 16-byte addresses of this host
};

static void out(Session* s, const char* t) {
  // A write error is fatal at the next flush; nothing to do here.
  s->out->puts(t);
}

static void die(Session* s, const char* reply) {
  if (reply) {
    out(s, reply);
    s->out->flush();
  }
  _exit(111);
}

static void die_nomem(Session* s) { die(s, "421 out of memory (#4.3.0)\r\n"); }
static void die_control(Session* s) {
  die(s, "421 unable to read controls (#4.3.0)\r\n");
}
static void die_ipme(Session* s) {
  die(s, "421 unable to figure out my IP addresses (#4.3.0)\r\n");
}
static void die_alarm(Session* s) { die(s, "451 timeout (#4.4.2)\r\n"); }
static void die_read(Session* s) {
  if (errno == ETIMEDOUT) die_alarm(s);
  _exit(111);
}
static void straynewline(Session* s) {
  die(s, "451 See http://pobox.com/~djb/docs/smtplf.html.\r\n");
}

// Replies wait in the output buffer until we have to wait for the client:
// that is what makes pipelining cheap (one write per batch of commands).
struct ReadCtx {
  Output* out;
  unsigned int timeout;
};

extern "C" {
static long read_op(int fd, char* buf, size_t len, void* ctx) {
  ReadCtx* c = (ReadCtx*) ctx;
  if (!c->out->flush()) _exit(111);
  if (!io_wait_read(fd, c->timeout)) return -1;
  for (;;) {
    long r = (long) read(fd, buf, len);
    if (r == -1 && errno == EINTR) continue;
    return r;
  }
}
}

static void greet(Session* s, const char* code) {
  out(s, code);
  s->out->put_bytes(s->greeting);
}

static void read_controls(Session* s) {
  if (ctl_line_me(s->greeting, "control/smtpgreeting", 0) != 1)
    die_control(s);
  int r = ctl_line_me(s->liphost, "control/localiphost", 0);
  if (r == -1) die_control(s);
  s->liphost_ok = (r == 1);
  unsigned long t = 1200;
  if (control_read_ulong("control/timeoutsmtpd", &t) == -1) die_control(s);
  s->timeout = t ? (t > 86400UL * 365 ? 86400U * 365 : (unsigned int) t) : 1;
  if (s->rcpthosts.init() == -1) die_control(s);
  Bytes list;
  r = control_read_list(list, "control/badmailfrom");
  if (r == -1) die_control(s);
  s->bmf_ok = (r == 1);
  if (s->bmf_ok && !s->bmf.init(list, false)) die_nomem(s);
  r = control_read_list(list, "control/badrcptto");
  if (r == -1) die_control(s);
  s->brt_ok = (r == 1);
  if (s->brt_ok && !s->brt.init(list, false)) die_nomem(s);
  s->databytes = 0;
  if (control_read_ulong("control/databytes", &s->databytes) == -1)
    die_control(s);
  const char* x = env_get("DATABYTES");
  if (x) {
    unsigned long u = 0;
    scan_ulong_cstr(x, &u);
    s->databytes = u;
  }
}

static void dohelo(Session* s, const char* arg, size_t n) {
  if (!s->helo.copy(arg, n)) die_nomem(s);
  s->fakehelo = !case_equal(s->remotehost, str_len(s->remotehost), arg, n);
}

static void setup(Session* s) {
  read_controls(s);
  s->remoteip = env_get("TCPREMOTEIP");
  if (!s->remoteip) s->remoteip = "unknown";
  s->local = env_get("TCPLOCALHOST");
  if (!s->local) s->local = env_get("TCPLOCALIP");
  if (!s->local) s->local = "unknown";
  s->remotehost = env_get("TCPREMOTEHOST");
  if (!s->remotehost) s->remotehost = "unknown";
  s->remoteinfo = env_get("TCPREMOTEINFO");
  s->relayclient = env_get("RELAYCLIENT");
  s->seenmail = false;
  s->flagbarf = false;
  dohelo(s, s->remotehost, str_len(s->remotehost));
}

// A domain literal [a.b.c.d] or [IPv6:...] naming one of this host's
// addresses (for localiphost).
static bool literal_is_me(Session* s, const char* d, size_t n) {
  if (n < 3 || d[0] != '[' || d[n - 1] != ']') return false;
  ++d;
  n -= 2;
  if (n > 5 && case_starts(d, n, "IPv6:")) {
    d += 5;
    n -= 5;
  }
  char ip[16];
  if (ip_scan(d, n, ip) != n) return false;
  for (size_t i = 0; i + 16 <= s->ipme.len(); i += 16)
    if (ip_equal(ip, s->ipme.data() + i)) return true;
  return false;
}

// The address of a MAIL or RCPT argument (qmail-core §13.3) into s->addr;
// *rest is set to what follows it (ESMTP parameters).  False when too long.
static bool addrparse(Session* s, const char* arg, const char** rest) {
  char terminator = '>';
  const char* lt = arg;
  while (*lt && *lt != '<') ++lt;
  if (*lt) {
    arg = lt + 1;
  } else {
    // No brackets: a client that never read RFC 821.
    terminator = ' ';
    while (*arg && *arg != ':') ++arg;
    if (*arg == ':') ++arg;
    while (*arg == ' ') ++arg;
  }
  if (*arg == '@')
    while (*arg)
      if (*arg++ == ':') break;
  s->addr.clear();
  bool esc = false;
  bool quoted = false;
  const char* p = arg;
  for (; *p; ++p) {
    char ch = *p;
    if (esc) {
      if (!s->addr.append_byte(ch)) die_nomem(s);
      esc = false;
      continue;
    }
    if (!quoted && ch == terminator) break;
    if (ch == '\\') esc = true;
    else if (ch == '"') quoted = !quoted;
    else if (!s->addr.append_byte(ch)) die_nomem(s);
  }
  *rest = *p ? p + 1 : p;
  if (s->liphost_ok) {
    size_t n = s->addr.len();
    size_t at = byte_rchr(s->addr.data(), n, '@');
    if (at < n && literal_is_me(s, s->addr.data() + at + 1, n - at - 1)) {
      s->addr.truncate(at + 1);
      if (!s->addr.append(s->liphost)) die_nomem(s);
    }
  }
  // 1.03 counts the terminating NUL: 900 characters are already too many.
  return s->addr.len() < kMaxAddr;
}

static bool in_list(const DomainMap& m, const Bytes& a) {
  if (m.contains(a.data(), a.len())) return true;
  size_t at = byte_rchr(a.data(), a.len(), '@');
  return at < a.len() && m.contains(a.data() + at, a.len() - at);
}

// SIZE=n among the MAIL parameters (RFC 1870); false when it is over the
// limit.  Non-numeric values are ignored.
static bool size_ok(Session* s, const char* p) {
  if (!s->databytes) return true;
  while (*p) {
    while (*p == ' ') ++p;
    const char* w = p;
    while (*p && *p != ' ') ++p;
    size_t n = (size_t) (p - w);
    if (n > 5 && case_starts(w, n, "SIZE=")) {
      unsigned long u;
      size_t k = scan_ulong(w + 5, n - 5, &u);
      if (k == n - 5 && u > s->databytes) return false;
      // A number too big for unsigned long is over any limit.
      if (k == 0 && n > 5 && w[5] >= '0' && w[5] <= '9') {
        size_t i = 5;
        while (i < n && w[i] >= '0' && w[i] <= '9') ++i;
        if (i == n) return false;
      }
    }
  }
  return true;
}

static void smtp_helo(Session* s, const char* arg) {
  greet(s, "250 ");
  out(s, "\r\n");
  s->seenmail = false;
  dohelo(s, arg, str_len(arg));
}

static void smtp_ehlo(Session* s, const char* arg) {
  greet(s, "250-");
  out(s, "\r\n250-PIPELINING\r\n");
  if (s->databytes) {
    char num[kFmtUlong + 1];
    num[fmt_ulong(num, s->databytes)] = 0;
    out(s, "250-8BITMIME\r\n250 SIZE ");
    out(s, num);
    out(s, "\r\n");
  } else {
    out(s, "250 8BITMIME\r\n");
  }
  s->seenmail = false;
  dohelo(s, arg, str_len(arg));
}

static void smtp_mail(Session* s, const char* arg) {
  const char* rest;
  if (!addrparse(s, arg, &rest)) {
    out(s, "555 syntax error (#5.5.4)\r\n");
    return;
  }
  if (!size_ok(s, rest)) {
    s->seenmail = false;
    out(s, "552 sorry, that message size exceeds my databytes limit (#5.3.4)\r\n");
    return;
  }
  s->flagbarf = s->bmf_ok && in_list(s->bmf, s->addr);
  s->seenmail = true;
  s->rcptto.clear();
  if (!s->mailfrom.copy(s->addr)) die_nomem(s);
  out(s, "250 ok\r\n");
}

static void smtp_rcpt(Session* s, const char* arg) {
  const char* rest;
  if (!s->seenmail) {
    out(s, "503 MAIL first (#5.5.1)\r\n");
    return;
  }
  if (!addrparse(s, arg, &rest)) {
    out(s, "555 syntax error (#5.5.4)\r\n");
    return;
  }
  if (s->flagbarf) {
    out(s, "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)\r\n");
    return;
  }
  if (s->brt_ok && in_list(s->brt, s->addr)) {
    out(s, "553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)\r\n");
    return;
  }
  if (s->relayclient) {
    if (!s->addr.append(s->relayclient)) die_nomem(s);
  } else {
    int r = s->rcpthosts.check(s->addr.data(), s->addr.len());
    if (r == -1) die_control(s);
    if (r == 0) {
      out(s, "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\r\n");
      return;
    }
  }
  // The memory bound: RFC 5321 lets a server refuse further recipients
  // with 452 and the client retries them in another transaction.
  if (s->rcptto.len() + s->addr.len() + 2 > kMaxRcptBytes) {
    out(s, "452 too many recipients (#4.5.3)\r\n");
    return;
  }
  if (!s->rcptto.append_byte('T') || !s->rcptto.append(s->addr) ||
      !s->rcptto.append_byte(0))
    die_nomem(s);
  out(s, "250 ok\r\n");
}

// Copy the message from the client to qmail-queue, undoing the SMTP
// transparency (CRLF -> LF, dot-stuffing), refusing bare LF, counting
// Received/Delivered header lines.  Returns the hop count.
struct Blast {
  QueueClient* qq;
  unsigned long limit;   // databytes, 0 = none
  unsigned long count;
  char buf[4096];
  size_t len;
};

static void bput(Blast* b, char c) {
  if (b->limit && ++b->count > b->limit) {
    b->qq->fail();
    return;
  }
  if (b->len == sizeof b->buf) {
    b->qq->put(b->buf, b->len);
    b->len = 0;
  }
  b->buf[b->len++] = c;
}

static int blast(Session* s, Blast* b) {
  static const char kRcv[] = "received";
  static const char kRCV[] = "RECEIVED";
  static const char kDlv[] = "delivered";
  static const char kDLV[] = "DELIVERED";
  int state = 1;
  int hops = 0;
  bool inheader = true;
  unsigned int pos = 0;
  bool mx = true, my = true, mz = true;
  for (;;) {
    char ch;
    int r = s->in->get_char(&ch);
    if (r <= 0) die_read(s);
    if (inheader) {
      if (pos < 9) {
        if (ch != kDlv[pos] && ch != kDLV[pos]) mz = false;
        if (mz && pos == 8) ++hops;
        if (pos < 8 && ch != kRcv[pos] && ch != kRCV[pos]) mx = false;
        if (mx && pos == 7) ++hops;
        if (pos < 2 && ch != "\r\n"[pos]) my = false;
        if (my && pos == 1) inheader = false;
      }
      ++pos;
      if (ch == '\n') {
        pos = 0;
        mx = my = mz = true;
      }
    }
    switch (state) {
      case 0:
        if (ch == '\n') straynewline(s);
        if (ch == '\r') { state = 4; continue; }
        break;
      case 1:  // after CRLF
        if (ch == '\n') straynewline(s);
        if (ch == '.') { state = 2; continue; }
        if (ch == '\r') { state = 4; continue; }
        state = 0;
        break;
      case 2:  // CRLF .
        if (ch == '\n') straynewline(s);
        if (ch == '\r') { state = 3; continue; }
        state = 0;
        break;
      case 3:  // CRLF . CR
        if (ch == '\n') {
          if (b->len) b->qq->put(b->buf, b->len);
          b->len = 0;
          return hops;
        }
        bput(b, '.');
        bput(b, '\r');
        if (ch == '\r') { state = 4; continue; }
        state = 0;
        break;
      case 4:  // CR pending
        if (ch == '\n') { state = 1; break; }
        if (ch != '\r') { bput(b, '\r'); state = 0; }
        break;
    }
    bput(b, ch);
  }
}

static void smtp_data(Session* s) {
  if (!s->seenmail) {
    out(s, "503 MAIL first (#5.5.1)\r\n");
    return;
  }
  if (s->rcptto.empty()) {
    out(s, "503 RCPT first (#5.5.1)\r\n");
    return;
  }
  s->seenmail = false;
  QueueClient qq;
  if (!qq.open()) {
    out(s, "451 qqt failure (#4.3.0)\r\n");
    return;
  }
  int qp = qq.pid();
  out(s, "354 go ahead\r\n");
  Bytes rcv;
  if (!received_line(rcv, "SMTP", s->local, s->remoteip, s->remotehost,
                     s->remoteinfo, s->fakehelo ? s->helo.c_str() : 0,
                     now_sec()))
    die_nomem(s);
  qq.put(rcv.data(), rcv.len());
  Blast b;
  b.qq = &qq;
  b.limit = s->databytes;
  b.count = 0;
  b.len = 0;
  int hops = blast(s, &b);
  bool toomany = hops >= kMaxHops;
  if (toomany) qq.fail();
  qq.from(s->mailfrom.data(), s->mailfrom.len());
  // The recipients are already NUL-terminated "T" records.
  size_t pos = 0;
  while (pos < s->rcptto.len()) {
    const char* r = s->rcptto.data() + pos + 1;
    size_t n = str_len(r);
    qq.to(r, n);
    pos += n + 2;
  }
  const char* qqx = qq.close();
  if (!qqx) {
    char num[kFmtUlong + 1];
    out(s, "250 ok ");
    num[fmt_ulong(num, now_sec())] = 0;
    out(s, num);
    out(s, " qp ");
    num[fmt_ulong(num, (unsigned long) qp)] = 0;
    out(s, num);
    out(s, "\r\n");
    return;
  }
  if (toomany) {
    out(s, "554 too many hops, this message is looping (#5.4.6)\r\n");
    return;
  }
  if (b.limit && b.count > b.limit) {
    out(s, "552 sorry, that message size exceeds my databytes limit (#5.3.4)\r\n");
    return;
  }
  out(s, *qqx == 'D' ? "554 " : "451 ");
  out(s, qqx + 1);
  out(s, "\r\n");
}

static bool verb_is(const Bytes& line, size_t vlen, const char* v) {
  return case_equal(line.data(), vlen, v, str_len(v));
}

// One command; false after QUIT.
static bool command(Session* s, bool overlong) {
  Bytes& l = s->line;
  size_t n = l.len();
  if (n && l.data()[n - 1] == '\n') --n;
  if (n && l.data()[n - 1] == '\r') --n;
  l.truncate(n);
  // NULs cannot reach the C-string argument: 1.03 turns them into LF.
  for (size_t i = 0; i < n; ++i)
    if (!l.data()[i]) l.data()[i] = '\n';
  size_t v = byte_chr(l.data(), n, ' ');
  const char* arg = l.data() + v;
  while (*arg == ' ') ++arg;
  if (overlong && (verb_is(l, v, "mail") || verb_is(l, v, "rcpt"))) {
    out(s, "555 syntax error (#5.5.4)\r\n");
    return true;
  }
  if (verb_is(l, v, "rcpt")) smtp_rcpt(s, arg);
  else if (verb_is(l, v, "mail")) smtp_mail(s, arg);
  else if (verb_is(l, v, "data")) smtp_data(s);
  else if (verb_is(l, v, "quit")) {
    greet(s, "221 ");
    out(s, "\r\n");
    return false;
  } else if (verb_is(l, v, "helo")) smtp_helo(s, arg);
  else if (verb_is(l, v, "ehlo")) smtp_ehlo(s, arg);
  else if (verb_is(l, v, "rset")) {
    s->seenmail = false;
    out(s, "250 flushed\r\n");
  } else if (verb_is(l, v, "help"))
    out(s, "214 qmail home page: http://pobox.com/~djb/qmail.html\r\n");
  else if (verb_is(l, v, "noop")) out(s, "250 ok\r\n");
  else if (verb_is(l, v, "vrfy"))
    out(s, "252 send some mail, i'll try my best\r\n");
  else out(s, "502 unimplemented (#5.5.1)\r\n");
  return true;
}

int main() {
  char obuf[1024];
  char ibuf[8192];
  Output o(1, obuf, sizeof obuf);
  Input i(0, ibuf, sizeof ibuf);
  Session s;
  s.out = &o;
  s.in = &i;
  qm_sig_ignore(SIGPIPE);
  if (!qm_chdir_home()) die_control(&s);
  setup(&s);
  if (!net_ipme(s.ipme)) die_ipme(&s);
  o.set_timeout(s.timeout);
  ReadCtx ctx;
  ctx.out = &o;
  ctx.timeout = s.timeout;
  i.set_op(read_op, &ctx);
  greet(&s, "220 ");
  out(&s, " ESMTP\r\n");
  for (;;) {
    int r = i.get_line(s.line, '\n', kMaxLine);
    if (r == -1) die_read(&s);
    if (r == 0) _exit(0);
    if (!command(&s, r == 2)) break;
  }
  if (!o.flush()) _exit(111);
  return 0;
}
