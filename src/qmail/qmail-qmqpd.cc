// qmail-qmqpd: receive one message by QMQP and queue it.
//
// Started by tcpserver on port 628, for trusted clients only (it relays
// anywhere), as the qmaild user.  Reads one netstring of netstrings
// (message, sender, recipients) on fd 0, hands the message to
// qmail-queue (or $QMAILQUEUE) with a Received line, and answers one
// netstring on fd 1: K (queued), Z (temporary) or D (permanent).
// Malformed input gets no reply and nothing is queued.  Exit 0 after the
// reply or at end of input, 100 on malformed input, 111 on a length over
// 200000000, trouble starting qmail-queue, or the one-hour alarm.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/netstring.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/qqclient.h"
#include "src/mail/received.h"

enum { kLenMax = 200000000, kAddrMax = 1000, kAlarm = 3600 };

static void die_ok() { _exit(0); }
static void die_proto() { _exit(100); }
static void die_temp() { _exit(111); }

extern "C" void on_alarm(int) { _exit(111); }

// The bytes of the outer netstring not yet consumed.
static unsigned long g_left;

static void consume(unsigned long n) {
  if (n > g_left) die_proto();
  g_left -= n;
}

static unsigned long get_len(Input& in) {
  unsigned long len, used;
  int r = netstring_read_len(in, kLenMax, &len, &used);
  if (r == 0) die_ok();
  if (r == -1) {
    if (errno == EPROTO) die_proto();
    if (errno == E2BIG) die_temp();
    die_ok();
  }
  consume(used);
  return len;
}

static void get_comma(Input& in) {
  char c;
  int r = in.get_char(&c);
  if (r <= 0) die_ok();
  if (c != ',') die_proto();
}

// Copy n bytes of input to qmail-queue.
static void copy(Input& in, QueueClient& qq, unsigned long n) {
  while (n) {
    long r = in.fill();
    if (r <= 0) die_ok();
    size_t k = in.avail();
    if (k > n) k = n;
    qq.put(in.peek(), k);
    in.skip(k);
    n -= (unsigned long) k;
  }
}

// An address netstring: kept if it is short and has no NUL, else read
// and dropped with *bad set.
static void get_addr(Input& in, Bytes& addr, bool* bad) {
  unsigned long n = get_len(in);
  consume(n + 1);
  addr.clear();
  if (n >= kAddrMax) *bad = true;
  char c;
  for (unsigned long i = 0; i < n; ++i) {
    int r = in.get_char(&c);
    if (r <= 0) die_ok();
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

static void reply(const char* text) {
  Bytes out;
  size_t n = str_len(text);
  if (!netstring_append(out, text, n)) die_temp();
  char buf[64];
  Output o(1, buf, sizeof buf);
  o.set_timeout(1200);
  o.put_bytes(out);
  o.flush();
}

static void put_received(QueueClient& qq) {
  Bytes line;
  if (!received_line(line, "QMQP",
                     env_or("TCPLOCALHOST", "TCPLOCALIP", "unknown"),
                     env_or("TCPREMOTEIP", 0, "unknown"),
                     env_or("TCPREMOTEHOST", 0, "unknown"),
                     env_get("TCPREMOTEINFO"), 0, now_sec()))
    die_temp();
  qq.put(line.data(), line.len());
}

int main() {
  qm_sig_catch(SIGALRM, on_alarm);
  alarm(kAlarm);
  qm_sig_ignore(SIGPIPE);
  char ibuf[8192];
  Input in(0, ibuf, sizeof ibuf);
  unsigned long len, used;
  int r = netstring_read_len(in, kLenMax, &len, &used);
  if (r == 0) die_ok();
  if (r == -1) {
    if (errno == EPROTO) die_proto();
    if (errno == E2BIG) die_temp();
    die_ok();
  }
  g_left = len;
  unsigned long mlen = get_len(in);
  consume(mlen + 1);
  if (!qm_chdir_home()) die_temp();
  QueueClient qq;
  if (!qq.open()) die_temp();
  put_received(qq);
  copy(in, qq, mlen);
  get_comma(in);
  bool bad = false;
  Bytes addr;
  get_addr(in, addr, &bad);
  qq.from(addr.data(), addr.len());
  while (g_left) {
    get_addr(in, addr, &bad);
    qq.to(addr.data(), addr.len());
  }
  get_comma(in);
  if (bad) qq.fail();
  const char* result = qq.close();
  if (bad) {
    reply("Dsorry, I can't accept addresses like that (#5.1.3)");
    die_ok();
  }
  if (result) {
    reply(result);
    die_ok();
  }
  Bytes ok;
  if (!ok.copy("Kok ") || !ok.append_ulong(now_sec()) ||
      !ok.append(" qp ") || !ok.append_ulong((unsigned long) qq.pid()))
    die_temp();
  reply(ok.c_str());
  return 0;
}
