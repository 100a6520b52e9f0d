// qmail-remote: send one message to a remote SMTP server.
//
// Started by qmail-rspawn as qmailr with argv "host sender recip ..." and
// the message on fd 0 (qmail-core §11).  Reads the control files helohost
// (default me), smtproutes, timeoutconnect, timeoutremote and ipv4only
// under the qmail home; trusts DNS answers and the remote server only as
// far as the report texts go.  Writes the qmail-remote reports (r/h/s per
// recipient, then K/Z/D, each ending in a NUL) to fd 1, records connect
// timeouts in queue/lock/tcpto, and always exits 0: every failure is
// described in the reports.  $QMAILREMOTEPORT (a test hook) replaces port
// 25; $DNSCACHEIP/$DNSCACHEPORT choose the DNS server (src/lib/dns.h).
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/dns.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/net.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/ctl.h"
#include "src/mail/domainmap.h"
#include "src/mail/mxip.h"
#include "src/mail/quote.h"
#include "src/mail/smtpclient.h"
#include "src/mail/smtproute.h"
#include "src/mail/tcpto.h"

static const char kTcpto[] = "queue/lock/tcpto";

// Every way to end before the SMTP dialogue: one message report, exit 0.
static void die_report(const char* s, size_t n) {
  write_all(1, s, n);
  write_all(1, "", 1);
  _exit(0);
}
static void die(const char* s) { die_report(s, strlen(s)); }
static void die_nomem() { die(kSmtpNomem); }
static void die_usage() {
  die("DI (qmail-remote) was invoked improperly. (#5.3.5)\n");
}
static void die_chdir() {
  die("ZUnable to switch to home directory. (#4.3.0)\n");
}
static void die_control() { die("ZUnable to read control files. (#4.3.0)\n"); }
static void die_oserr() {
  die("ZSystem resources temporarily unavailable. (#4.3.0)\n");
}
static void die_dns_temp() {
  die("ZSorry, I couldn't find any host by that name. (#4.1.2)\n");
}
static void die_dns_perm(const char* host) {
  Bytes r;
  if (!r.append("DSorry, I couldn't find any host named ")) die_nomem();
  for (const char* p = host; *p; ++p) {
    unsigned char c = (unsigned char) *p;
    if (!r.append_byte(c < 33 || c > 126 ? '?' : (char) c)) die_nomem();
  }
  if (!r.append(". (#5.1.2)\n")) die_nomem();
  die_report(r.data(), r.len());
}
static void die_nomx() {
  die("DSorry, I couldn't find a mail exchanger or IP address. (#5.4.4)\n");
}
static void die_ambigmx() {
  die("DSorry. Although I'm listed as a best-preference MX or A for that "
      "host,\nit isn't in my control/locals file, so I don't treat it as "
      "local. (#5.4.6)\n");
}
static void die_dnscanon() {
  die("ZCNAME lookup failed temporarily. (#4.4.3)\n");
}
static void die_noconn() {
  die("ZSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n");
}

struct Controls {
  unsigned long timeout;
  unsigned long timeoutconnect;
  bool v4only;
};

static void read_controls(Controls* c, Bytes& helo, DomainMap& routes) {
  c->timeout = 1200;
  c->timeoutconnect = 60;
  if (control_read_ulong("control/timeoutremote", &c->timeout) < 0 ||
      control_read_ulong("control/timeoutconnect", &c->timeoutconnect) < 0)
    die_control();
  if (ctl_line_me(helo, "control/helohost", 0) != 1) die_control();
  Bytes list;
  if (control_read_list(list, "control/smtproutes") < 0) die_control();
  if (!routes.init(list, true)) die_nomem();
  c->v4only = access("control/ipv4only", F_OK) == 0;
}

// Port 25, unless the test hook $QMAILREMOTEPORT names another (test
// suites cannot listen on port 25); an smtproutes port still wins.
static unsigned long smtp_port() {
  unsigned long port;
  const char* p = env_get("QMAILREMOTEPORT");
  if (p && scan_ulong_all(p, str_len(p), &port) && port && port <= 65535)
    return port;
  return 25;
}

// An envelope address as SMTP carries it: the local part quoted when it
// needs it; an address without '@' goes out as it is.  With canon the
// domain is replaced by its canonical name (RFC 1123 5.2.2); *alias tells
// whether it was a CNAME.
static void mangle(Bytes& out, const char* addr, bool canon, bool* alias) {
  size_t n = strlen(addr);
  size_t at = byte_rchr(addr, n, '@');
  *alias = canon;
  out.clear();
  if (at == n) {
    if (!out.copy(addr, n)) die_nomem();
    return;
  }
  if (!quote_addr(out, addr, at + 1)) die_nomem();
  const char* dom = addr + at + 1;
  size_t dlen = n - at - 1;
  Bytes cname;
  // An address literal is canonical already.
  if (!dlen || dom[dlen - 1] == ']') *alias = false;
  if (*alias) {
    int r = dns_cname(cname, dom, dlen);
    if (r < 0 && errno == ENOMEM) die_nomem();
    if (r < 0) die_dnscanon();
    if (r == 0) *alias = false;
    if (r == 1) {
      dom = cname.data();
      dlen = cname.len();
    }
  }
  if (!out.append(dom, dlen)) die_nomem();
}

// The addresses to try, best first; exits with a report when there are
// none.  Routed mail goes to the relay's own addresses, never its MX.
static void find_addrs(MxList& addrs, const Bytes& host, bool routed,
                       bool v4only) {
  int r = routed ? mx_ip(addrs, host.data(), host.len(), v4only)
                 : mx_mxip(addrs, host.data(), host.len(),
                           now_sec() + (unsigned long) getpid(), v4only);
  if (r == kMxNomem) die_nomem();
  if (r == kMxSoft) die_dns_temp();
  if (r == kMxHard) die_dns_perm(host.c_str());
  if (r == kMxPartial && addrs.size() == 0) die_dns_temp();
  if (addrs.size() == 0) die_nomx();
}

// Addresses at or above the best preference of one of our own addresses
// would loop mail back to us (ipme includes 0.0.0.0).
static unsigned long pref_limit(const MxList& addrs, const Bytes& ipme) {
  unsigned long prefme = 100000;
  for (size_t i = 0; i < addrs.size(); ++i)
    for (size_t j = 0; j + 16 <= ipme.len(); j += 16)
      if (ip_equal(addrs.at(i).ip, ipme.data() + j) &&
          addrs.at(i).pref < prefme)
        prefme = addrs.at(i).pref;
  return prefme;
}

static void deliver(int fd, const char ip[16], const Controls& c,
                    const Bytes& helo, const Bytes& sender,
                    const Bytes& recips) {
  char peer[kIpFmt + 1];
  peer[ip_fmt(peer, ip)] = 0;
  char rbuf[1024], wbuf[4096], mbuf[8192], obuf[1024];
  Input from(fd, rbuf, sizeof rbuf);
  Output to(fd, wbuf, sizeof wbuf);
  from.set_timeout((unsigned int) c.timeout);
  to.set_timeout((unsigned int) c.timeout);
  Input mess(0, mbuf, sizeof mbuf);
  Output rep(1, obuf, sizeof obuf);
  SmtpJob job = {peer, &helo, &sender, &recips};
  smtp_deliver(from, to, mess, rep, job);
  rep.flush();
  _exit(0);
}

int main(int argc, char** argv) {
  qm_sig_ignore(SIGPIPE);
  if (argc < 4) die_usage();
  if (!qm_chdir_home()) die_chdir();
  Controls c;
  Bytes helo;
  DomainMap routes;
  read_controls(&c, helo, routes);

  Bytes host;
  unsigned long port = smtp_port();
  int routed = smtproute_find(routes, argv[1], strlen(argv[1]), host, &port);
  if (routed < 0) die_nomem();
  if (!routed && !host.copy(argv[1])) die_nomem();

  Bytes sender, one, recips;
  bool alias, all_aliases = true;
  mangle(sender, argv[2], false, &alias);
  Bytes ipme;
  if (!net_ipme(ipme)) die_oserr();
  for (int i = 3; i < argc; ++i) {
    mangle(one, argv[i], !routed, &alias);
    if (!alias) all_aliases = false;
    if (!recips.append(one) || !recips.append_byte(0)) die_nomem();
  }

  MxList addrs;
  find_addrs(addrs, host, routed, c.v4only);
  // No self check for routed mail, nor (1.03) when every recipient
  // domain is an alias.
  unsigned long prefme = pref_limit(addrs, ipme);
  if (routed) prefme = 300000;
  if (all_aliases) prefme = 500000;
  size_t usable = 0;
  for (size_t i = 0; i < addrs.size(); ++i)
    if (addrs.at(i).pref < prefme) ++usable;
  if (!usable) die_ambigmx();

  unsigned long pid = (unsigned long) getpid();
  for (size_t i = 0; i < addrs.size(); ++i) {
    const MxAddr& a = addrs.at(i);
    if (a.pref >= prefme) continue;
    bool v4 = ip_is_v4(a.ip), seen = false;
    if (v4 && tcpto_dead(kTcpto, a.ip + 12, now_sec(), pid, &seen)) continue;
    int fd = net_tcp_connect(a.ip, (unsigned int) port, 0, 0,
                             (unsigned int) c.timeoutconnect);
    bool timed_out = fd == -1 && errno == ETIMEDOUT;
    if (v4) tcpto_record(kTcpto, a.ip + 12, timed_out, seen, now_sec());
    if (fd != -1) deliver(fd, a.ip, c, helo, sender, recips);
  }
  die_noconn();
  return 0;
}
