// qmail-qmtpd: receive mail by QMTP (several messages per connection).
//
// Started by tcpserver on port 209 as the qmaild user.  For each message
// the client sends three netstrings (message with its line-end byte,
// sender, a netstring of recipient netstrings); each message goes to
// qmail-queue (or $QMAILQUEUE) with a Received line, and every recipient
// gets one reply netstring: K, Z or D.  Recipients are checked against
// control/rcpthosts and morercpthosts.cdb unless RELAYCLIENT is set
// (its value is appended to each recipient); control/databytes (or
// $DATABYTES) limits the size.  Malformed input gets no reply and queues
// nothing.  Exit 0 at end of input, 100 on malformed input, 111 on a
// length over 200000000, control-file or qmail-queue trouble, or the
// one-hour alarm.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/io.h"
#include "src/lib/netstring.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/qqclient.h"
#include "src/mail/rcpthosts.h"
#include "src/mail/received.h"

enum { kLenMax = 200000000, kAddrMax = 1000, kAlarm = 3600 };

static Output* g_out;

static void die_eof() {
  g_out->flush();
  _exit(0);
}
// Replies for messages already queued still go out: the client must not
// send those again.
static void die_proto() {
  g_out->flush();
  _exit(100);
}
static void die_temp() { _exit(111); }

extern "C" void on_alarm(int) { _exit(111); }

// Replies wait in the buffer while the client keeps sending; they go out
// just before we would block reading.
static long fill(Input& in) {
  if (!in.avail() && !g_out->flush()) _exit(0);
  return in.fill();
}

static unsigned long get_len(Input& in, bool eof_ok) {
  if (fill(in) <= 0) {
    if (eof_ok) die_eof();
    die_eof();
  }
  unsigned long len, used;
  int r = netstring_read_len(in, kLenMax, &len, &used);
  if (r == 0) die_eof();
  if (r == -1) {
    if (errno == EPROTO) die_proto();
    if (errno == E2BIG) die_temp();
    die_eof();
  }
  return len;
}

static void get_comma(Input& in) {
  char c;
  if (fill(in) <= 0) die_eof();
  if (in.get_char(&c) <= 0) die_eof();
  if (c != ',') die_proto();
}

static int get_byte(Input& in, char* c) {
  if (fill(in) <= 0) die_eof();
  return in.get_char(c);
}

// Copy the message, turning CRLF into LF when the client said so; a CR
// not followed by LF stays.
static void copy(Input& in, QueueClient& qq, unsigned long n, bool crlf) {
  bool cr = false;
  while (n) {
    if (fill(in) <= 0) die_eof();
    const char* p = in.peek();
    size_t k = in.avail();
    if (k > n) k = n;
    if (!crlf) {
      qq.put(p, k);
    } else {
      for (size_t i = 0; i < k; ++i) {
        if (cr && p[i] != '\n') qq.put("\r", 1);
        cr = (p[i] == '\r');
        if (!cr) qq.put(p + i, 1);
      }
    }
    in.skip(k);
    n -= (unsigned long) k;
  }
  if (cr) qq.put("\r", 1);
}

// Read n address bytes: kept when shorter than limit and free of NULs.
static void get_addr(Input& in, unsigned long n, unsigned long limit,
                     Bytes& addr, bool* bad) {
  addr.clear();
  if (n >= limit) *bad = true;
  for (unsigned long i = 0; i < n; ++i) {
    char c;
    if (get_byte(in, &c) <= 0) die_eof();
    if (c == 0) *bad = true;
    if (!*bad && !addr.append_byte(c)) die_temp();
  }
  get_comma(in);
}

static const char* env_or(const char* a, const char* b, const char* dflt) {
  const char* v = env_get(a);
  if (v) return v;
  if (b && (v = env_get(b)) != 0) return v;
  return dflt;
}

struct Config {
  RcptHosts rh;
  unsigned long databytes;
  const char* relay;
};

enum RcptState { kAccepted = 'A', kRefused = 'R', kBadRcpt = 'B' };

static void put_reply(const char* text, size_t n) {
  Bytes ns;
  if (!netstring_append(ns, text, n)) die_temp();
  if (!g_out->put_bytes(ns)) _exit(0);
}

static void one_message(Input& in, Config* cf) {
  unsigned long mlen = get_len(in, true);
  if (mlen == 0) die_proto();
  char enc;
  if (get_byte(in, &enc) <= 0) die_eof();
  if (enc != '\n' && enc != '\r') die_proto();
  QueueClient qq;
  if (!qq.open()) die_temp();
  Bytes line;
  if (!received_line(line, "QMTP",
                     env_or("TCPLOCALHOST", "TCPLOCALIP", "unknown"),
                     env_or("TCPREMOTEIP", 0, "unknown"),
                     env_or("TCPREMOTEHOST", 0, "unknown"),
                     env_get("TCPREMOTEINFO"), 0, now_sec()))
    die_temp();
  qq.put(line.data(), line.len());
  copy(in, qq, mlen - 1, enc == '\r');
  get_comma(in);
  bool toobig = cf->databytes && qq.bytes() - line.len() > cf->databytes;

  bool badsender = false;
  Bytes addr;
  get_addr(in, get_len(in, false), kAddrMax, addr, &badsender);
  qq.from(addr.data(), addr.len());

  // The recipients: a netstring of netstrings.
  unsigned long left = get_len(in, false);
  size_t rlen = cf->relay ? str_len(cf->relay) : 0;
  Bytes states;
  unsigned long accepted = 0;
  while (left) {
    unsigned long len, used;
    if (fill(in) <= 0) die_eof();
    int r = netstring_read_len(in, kLenMax, &len, &used);
    if (r == 0) die_eof();
    if (r == -1) {
      if (errno == E2BIG) die_temp();
      if (errno == EPROTO) die_proto();
      die_eof();
    }
    if (used > left || len + 1 > left - used) die_proto();
    left -= used + len + 1;
    bool bad = false;
    get_addr(in, len, kAddrMax > rlen ? kAddrMax - rlen : 0, addr, &bad);
    char st = kBadRcpt;
    if (!bad) {
      if (cf->relay) {
        if (!addr.append(cf->relay)) die_temp();
        st = kAccepted;
      } else {
        int ok = cf->rh.check(addr.data(), addr.len());
        if (ok == -1) die_temp();
        st = ok ? kAccepted : kRefused;
      }
    }
    if (st == kAccepted) {
      qq.to(addr.data(), addr.len());
      ++accepted;
    }
    if (!states.append_byte(st)) die_temp();
  }
  get_comma(in);
  if (!accepted || toobig || badsender) qq.fail();
  const char* result = qq.close();
  Bytes ok;
  if (toobig) {
    result = "Dsorry, that message size exceeds my databytes limit (#5.3.4)";
  } else if (badsender) {
    result = "Dunacceptable sender (#5.1.7)";
  } else if (!result) {
    if (!ok.copy("Kok ") || !ok.append_ulong(now_sec()) ||
        !ok.append(" qp ") || !ok.append_ulong((unsigned long) qq.pid()))
      die_temp();
    result = ok.c_str();
  }
  for (size_t i = 0; i < states.len(); ++i) {
    const char* t = result;
    if (states.data()[i] == kRefused)
      t = "Dsorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)";
    else if (states.data()[i] == kBadRcpt)
      t = "Dsorry, I can't handle that recipient (#5.1.3)";
    put_reply(t, str_len(t));
  }
}

static void read_config(Config* cf) {
  if (!qm_chdir_home()) die_temp();
  if (cf->rh.init() == -1) die_temp();
  cf->databytes = 0;
  if (control_read_ulong("control/databytes", &cf->databytes) == -1)
    die_temp();
  const char* d = env_get("DATABYTES");
  if (d) scan_ulong_cstr(d, &cf->databytes);
  cf->relay = env_get("RELAYCLIENT");
}

int main() {
  qm_sig_catch(SIGALRM, on_alarm);
  alarm(kAlarm);
  qm_sig_ignore(SIGPIPE);
  char obuf[1024];
  Output out(1, obuf, sizeof obuf);
  out.set_timeout(1200);
  g_out = &out;
  Config cf;
  read_config(&cf);
  char ibuf[8192];
  Input in(0, ibuf, sizeof ibuf);
  for (;;) one_message(in, &cf);
}
