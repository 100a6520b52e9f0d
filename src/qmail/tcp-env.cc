// tcp-env: set up the TCP environment for a program started by inetd.
//
// Usage: tcp-env [ -rR ] [ -t timeout ] program [ arg ... ]
// Run by inetd (as whatever user inetd.conf names) with a TCP connection
// on descriptor 0.  Unless PROTO says a TCP environment is already there
// (tcpserver set it), it sets PROTO, TCPLOCALIP/PORT/HOST and
// TCPREMOTEIP/PORT/HOST from the socket and reverse DNS (TCP...HOST is
// "softdnserror" on a temporary DNS failure, unset when there is no name),
// and with -r (default) TCPREMOTEINFO from an RFC 1413 ident query that
// gives up after timeout seconds (default 30); -R skips it.  IPv4 peers
// (also IPv4-mapped ones) get PROTO=TCP and dotted addresses, IPv6 peers
// PROTO=TCP6, as tcpserver does.  Trusts nothing it learns: the values
// are passed on as data.  Then it runs program with default SIGPIPE.
// Exit 111, silently, when anything fails; otherwise the program's.
#include "config.h"

#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/net.h"
#include "src/lib/opt.h"
#include "src/lib/scan.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"
#include "src/ucspi/remoteinfo.h"

static void die() { _exit(111); }

static void set(const char* name, const char* value) {
  if (!env_set(name, value)) die();
}

static void set_ip_port(const char* ipname, const char* portname,
                        const char ip[16], unsigned int port) {
  char buf[kIpFmt + 1];
  buf[ip_fmt(buf, ip)] = 0;
  set(ipname, buf);
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, port)] = 0;
  set(portname, num);
}

static void set_host(const char* name, const char ip[16]) {
  Bytes host;
  int r = ip_is_v4(ip) ? dns_ptr4(host, ip + 12) : dns_ptr6(host, ip);
  if (r == -1) {
    set(name, "softdnserror");
  } else if (r == 1 && !host.has_nul()) {
    case_lower(host.data(), host.len());
    set(name, host.c_str());
  } else if (!env_unset(name)) {
    die();
  }
}

int main(int argc, char** argv) {
  bool ident = true;
  unsigned int timeout = 30;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "rRt:")) != -1) {
    switch (c) {
      case 'r': ident = true; break;
      case 'R': ident = false; break;
      case 't': scan_uint_cstr(st.arg, &timeout); break;
      default: die();
    }
  }
  if (st.ind >= argc) die();
  const char* proto = env_get("PROTO");
  if (!proto || (!str_equal(proto, "TCP") && !str_equal(proto, "TCP6"))) {
    char lip[16], rip[16];
    unsigned int lport = 0, rport = 0;
    if (!net_local(0, lip, &lport) || !net_remote(0, rip, &rport)) die();
    set("PROTO", ip_is_v4(rip) ? "TCP" : "TCP6");
    set_ip_port("TCPLOCALIP", "TCPLOCALPORT", lip, lport);
    set_ip_port("TCPREMOTEIP", "TCPREMOTEPORT", rip, rport);
    set_host("TCPLOCALHOST", lip);
    set_host("TCPREMOTEHOST", rip);
    if (!env_unset("TCPREMOTEINFO")) die();
    Bytes info;
    if (ident && remoteinfo(info, lip, lport, rip, rport, timeout) &&
        !info.has_nul())
      set("TCPREMOTEINFO", info.c_str());
  }
  qm_sig_default(SIGPIPE);
  path_exec(argv + st.ind);
  die();
  return 111;
}
