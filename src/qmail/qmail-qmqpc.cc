// qmail-qmqpc: give a message to a QMQP server instead of the local queue.
//
// Same interface as qmail-queue (message on fd 0, envelope "F<sender>\0
// T<recip>\0 ... \0" on fd 1), so that a host without a queue can link
// bin/qmail-queue to it (pop3-qmqp-tools §3.1).  Runs as its caller.
// Reads control/qmqpservers (IP addresses, tried in order, port 628, or
// $QMQPPORT as a test hook); trusts the server's answer only for its first
// K, Z or D byte.  Prints nothing; exit codes are qmail-queue's: 0 queued,
// 31 refused, 71 deferred, 72/73 no connection (timeout/other), 74 lost
// connection, 51 memory, 54 read error, 55 configuration, 56 socket,
// 61 home directory, 91 bad envelope.
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/net.h"
#include "src/lib/netstring.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

enum {
  kExitPerm = 31, kExitNomem = 51, kExitRead = 54, kExitControl = 55,
  kExitSocket = 56, kExitHome = 61, kExitTemp = 71, kExitTimeout = 72,
  kExitRefused = 73, kExitConn = 74, kExitEnvelope = 91
};
enum { kConnectTimeout = 10, kIoTimeout = 60, kPortQmqp = 628 };

static void die(int code) { _exit(code); }

static void read_message(Bytes& mess) {
  for (;;) {
    if (!mess.reserve(8192)) die(kExitNomem);
    long r = read(0, mess.data() + mess.len(), mess.capacity() - mess.len() - 1);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) die(kExitRead);
    if (r == 0) return;
    mess.set_len(mess.len() + (size_t) r);
  }
}

// The envelope becomes the sender and recipient netstrings of the request.
static void read_envelope(Bytes& tail) {
  char buf[1024];
  Input in(1, buf, sizeof buf);
  Bytes item;
  for (bool first = true;; first = false) {
    int r = in.get_line(item, '\0');
    if (r < 0) die(errno == ENOMEM ? kExitNomem : kExitRead);
    if (r == 0) die(kExitEnvelope);
    size_t n = item.len() - 1;
    if (!first && n == 0) return;
    if (n == 0 || item.data()[0] != (first ? 'F' : 'T')) die(kExitEnvelope);
    if (!netstring_append(tail, item.data() + 1, n - 1)) die(kExitNomem);
  }
}

// One server: returns only when it could not be reached (the code to
// remember); once connected the answer decides the exit.
static int try_server(const char ip[16], unsigned int port, const Bytes& mess,
                      const Bytes& tail) {
  int fd = net_tcp(ip);
  if (fd == -1) die(kExitSocket);
  if (!net_connect(fd, ip, port, kConnectTimeout)) {
    int code = errno == ETIMEDOUT ? kExitTimeout : kExitRefused;
    close(fd);
    return code;
  }
  char num[kFmtUlong];
  size_t mlen = fmt_ulong(num, (unsigned long) mess.len());
  unsigned long total = (unsigned long) (mlen + 2 + mess.len() + tail.len());
  char obuf[4096], ibuf[128];
  Output out(fd, obuf, sizeof obuf);
  out.set_timeout(kIoTimeout);
  bool ok = out.put_ulong(total) && out.put(":", 1) && out.put(num, mlen) &&
            out.put(":", 1) && out.put_bytes(mess) && out.put(",", 1) &&
            out.put_bytes(tail) && out.put(",", 1) && out.flush();
  if (!ok) die(kExitConn);
  Input in(fd, ibuf, sizeof ibuf);
  in.set_timeout(kIoTimeout);
  for (;;) {
    char c;
    if (in.get_char(&c) != 1) die(kExitConn);
    if (c == 'K') die(0);
    if (c == 'Z') die(kExitTemp);
    if (c == 'D') die(kExitPerm);
  }
}

int main() {
  qm_sig_ignore(SIGPIPE);
  if (!qm_chdir_home()) die(kExitHome);
  Bytes servers;
  if (control_read_list(servers, "control/qmqpservers") != 1)
    die(kExitControl);
  unsigned long port = kPortQmqp;
  const char* p = env_get("QMQPPORT");
  if (p && (!scan_ulong_all(p, str_len(p), &port) || port > 65535))
    port = kPortQmqp;
  Bytes mess, tail;
  read_message(mess);
  read_envelope(tail);
  int last = kExitControl;
  size_t pos = 0;
  const char* s;
  size_t n;
  while (list_next(servers, &pos, &s, &n)) {
    char ip[16];
    if (ip_scan(s, n, ip) != n) continue;
    last = try_server(ip, (unsigned int) port, mess, tail);
  }
  die(last);
  return 0;
}
