// tcpclient: connect to a TCP server and run a program on the connection.
//
// Usage: tcpclient [ -46hHrRdDqQv ] [ -i localip ] [ -p localport ]
//        [ -T x+y ] [ -l localname ] [ -t timeoutinfo ] [ -I interface ]
//        host port program
// Started by users and scripts (mconnect, who@ ...); no privileges.
// host is 0 (this machine), an IPv4/IPv6 literal or a name whose
// addresses are tried in turn (IPv6 first; -4: IPv4 only).  The program
// runs with descriptor 6 reading from and 7 writing to the connection and
// the TCP environment (PROTO, TCPLOCALIP/PORT/HOST, TCPREMOTEIP/PORT/HOST/
// INFO; for IPv6 peers PROTO=TCP6 and the TCP6* variables too).  Names
// from DNS and ident replies are untrusted and only passed on.
// Exit: the program's; 100 usage; 111 for DNS, connect, bind or exec
// failures (messages unless -q).
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/env.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/net.h"
#include "src/lib/opt.h"
#include "src/lib/scan.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"
#include "src/ucspi/remoteinfo.h"

static bool quiet = false;

static void die_usage() {
  msg_usage("tcpclient [ -hHrRdDqQv ] [ -i localip ] [ -p localport ] "
            "[ -T timeoutconn ] [ -l localname ] [ -t timeoutinfo ] host "
            "port program");
  _exit(100);
}

static void die(const char* a, const char* b = 0, const char* c = 0) {
  if (!quiet) msg_fatal(a, b, c);
  _exit(111);
}

static void die_sys(const char* a, const char* b = 0, const char* c = 0) {
  if (!quiet) msg_fatal_sys(a, b, c);
  _exit(111);
}

static void die_nomem() { die("out of memory"); }

struct Options {
  bool v4only;
  bool force6;
  bool verbose;
  bool hostlookup;
  bool infolookup;
  bool nodelay;
  const char* localname;
  const char* localip;
  unsigned long localport;
  unsigned long ctimeout[2];
  unsigned long itimeout;
  const char* ifname;   // -I: the interface of link-local addresses
  unsigned int scope;
};

// "-T x+y": leading digits, the rest ignored, as for every ucspi number.
static void scan_timeouts(const char* s, Options* o) {
  unsigned long u = 0;
  size_t n = scan_ulong_cstr(s, &u);
  o->ctimeout[0] = n ? u : 0;
  o->ctimeout[1] = 0;
  if (s[n] == '+') {
    u = 0;
    scan_ulong_cstr(s + n + 1, &u);
    o->ctimeout[1] = u;
  }
}

static unsigned long number(const char* s) {
  unsigned long u = 0;
  scan_ulong_cstr(s, &u);
  return u;
}

static int parse_options(int argc, char** argv, Options* o) {
  o->v4only = o->force6 = o->verbose = o->nodelay = false;
  o->hostlookup = o->infolookup = true;
  o->localname = o->localip = 0;
  o->localport = 0;
  o->ctimeout[0] = 2;
  o->ctimeout[1] = 58;
  o->itimeout = 26;
  o->ifname = 0;
  o->scope = 0;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "46hHrRdDqQvi:p:T:l:t:I:")) != -1) {
    switch (c) {
      case '4': o->v4only = true; o->force6 = false; break;
      case '6': o->force6 = true; o->v4only = false; break;
      case 'h': o->hostlookup = true; break;
      case 'H': o->hostlookup = false; break;
      case 'r': o->infolookup = true; break;
      case 'R': o->infolookup = false; break;
      case 'd': o->nodelay = false; break;
      case 'D': o->nodelay = true; break;
      case 'q': quiet = true; o->verbose = false; break;
      case 'Q': quiet = false; o->verbose = false; break;
      case 'v': quiet = false; o->verbose = true; break;
      case 'i': o->localip = st.arg; break;
      case 'p': o->localport = number(st.arg); break;
      case 'T': scan_timeouts(st.arg, o); break;
      case 'l': o->localname = st.arg; break;
      case 't': o->itimeout = number(st.arg); break;
      case 'I': o->ifname = st.arg; break;
      default: die_usage();
    }
  }
  if (argc - st.ind < 3) die_usage();
  if (o->ifname && !(o->scope = net_if_index(o->ifname)))
    die_sys("unable to figure out interface ", o->ifname);
  return st.ind;
}

// The addresses to try, 16 bytes each.
static void resolve_host(const char* host, const Options& o, Bytes& ips) {
  char ip[16];
  if (str_equal(host, "0") || !*host) {
    if (!ips.append(kIp4Loopback, 16)) die_nomem();
    return;
  }
  if (ip_scan_all(host, ip)) {
    if (!ips.append(ip, 16)) die_nomem();
    return;
  }
  size_t n = str_len(host);
  int r;
  Bytes fqdn;
  if (o.v4only) {
    Bytes a;
    r = dns_qualified(a, fqdn, dns_ip4, host, n);
    for (size_t i = 0; r == 1 && i + 4 <= a.len(); i += 4) {
      ip_from4(ip, a.data() + i);
      if (!ips.append(ip, 16)) die_nomem();
    }
  } else {
    r = dns_qualified(ips, fqdn, dns_ip, host, n);
  }
  if (r == -1)
    die_sys("temporarily unable to figure out IP address for ", host);
  if (!ips.len()) die("no IP address for ", host);
}

static void say_failure(const char* ip, unsigned int port) {
  if (quiet) return;
  char ipbuf[kIpFmt + 1], pbuf[kFmtUlong + 1];
  ipbuf[ip_fmt(ipbuf, ip)] = 0;
  pbuf[fmt_ulong(pbuf, port)] = 0;
  msg_line(0, "unable to connect to ", ipbuf, " port ", pbuf, 0, 0, true);
}

// Try one address; returns the connected socket or -1 (message printed).
static int attempt(const char* ip, unsigned int port, const Options& o,
                   unsigned long timeout, bool* timedout) {
  *timedout = false;
  int fd = net_tcp(ip);
  if (fd == -1) {
    if (errno == EAFNOSUPPORT) {
      say_failure(ip, port);
      return -1;
    }
    die_sys("unable to create socket");
  }
  if (o.localip || o.localport) {
    char lip[16];
    if (o.localip) {
      if (!ip_scan_all(o.localip, lip)) {
        errno = EINVAL;
        die_sys("unable to bind socket");
      }
    } else {
      for (int i = 0; i < 16; ++i) lip[i] = ip_is_v4(ip) ? kIp4Any[i] : kIp6Any[i];
    }
    if (!net_bind_scope(fd, lip, (unsigned int) o.localport, false, o.scope))
      die_sys("unable to bind socket");
  }
  if (net_connect_scope(fd, ip, port, (unsigned int) timeout, o.scope))
    return fd;
  *timedout = errno == ETIMEDOUT;
  say_failure(ip, port);
  close(fd);
  return -1;
}

static int connect_any(const Bytes& ips, unsigned int port, const Options& o) {
  size_t count = ips.len() / 16;
  Bytes retry;  // one flag byte per address: timed out in the first pass
  for (size_t i = 0; i < count; ++i) {
    bool to;
    int fd = attempt(ips.data() + 16 * i, port, o, o.ctimeout[0], &to);
    if (fd != -1) return fd;
    if (!retry.append_byte(to ? 1 : 0)) die_nomem();
  }
  if (o.ctimeout[1])
    for (size_t i = 0; i < count; ++i) {
      if (!retry.data()[i]) continue;
      bool to;
      int fd = attempt(ips.data() + 16 * i, port, o, o.ctimeout[1], &to);
      if (fd != -1) return fd;
    }
  _exit(111);
}

static void set_var(const char* name, const char* value, size_t n) {
  if (!env_set_bytes(name, value, n)) die_nomem();
}

static void set_ip_port(const char* ipname, const char* portname,
                        const char* ip, unsigned int port, bool v6form) {
  char buf[kIpFmt];
  set_var(ipname, buf, v6form ? ip6_fmt(buf, ip) : ip_fmt(buf, ip));
  set_var(portname, buf, fmt_ulong(buf, port));
}

static void set_or_unset(const char* name, int r, const Bytes& value) {
  if (r == 1) {
    set_var(name, value.data(), value.len());
  } else if (!env_unset(name)) {
    die_nomem();
  }
}

// The TCP environment (tcp-environ(5)); TCP6* only for IPv6 peers.
static void set_environment(int fd, const Options& o) {
  char lip[16], rip[16];
  unsigned int lport, rport;
  if (!net_local(fd, lip, &lport)) die_sys("unable to get local address");
  if (!net_remote(fd, rip, &rport)) die_sys("unable to get remote address");
  bool six = o.force6 || !ip_is_v4(rip);
  Bytes lhost, rhost, info;
  int lr = 1, rr = 0, ir = 0;
  if (o.localname) {
    if (!lhost.copy(o.localname)) die_nomem();
  } else {
    lr = dns_ptr6(lhost, lip);
  }
  if (o.hostlookup) rr = dns_ptr6(rhost, rip);
  if (o.infolookup)
    ir = remoteinfo(info, lip, lport, rip, rport, (unsigned int) o.itimeout)
             ? 1 : 0;
  const char* proto = six ? "TCP6" : "TCP";
  set_var("PROTO", proto, str_len(proto));
  set_ip_port("TCPLOCALIP", "TCPLOCALPORT", lip, lport, false);
  set_ip_port("TCPREMOTEIP", "TCPREMOTEPORT", rip, rport, false);
  set_or_unset("TCPLOCALHOST", lr, lhost);
  set_or_unset("TCPREMOTEHOST", rr, rhost);
  set_or_unset("TCPREMOTEINFO", ir, info);
  if (six) {
    set_ip_port("TCP6LOCALIP", "TCP6LOCALPORT", lip, lport, true);
    set_ip_port("TCP6REMOTEIP", "TCP6REMOTEPORT", rip, rport, true);
    set_or_unset("TCP6LOCALHOST", lr, lhost);
    set_or_unset("TCP6REMOTEHOST", rr, rhost);
    set_or_unset("TCP6REMOTEINFO", ir, info);
    if (o.ifname) set_var("TCP6INTERFACE", o.ifname, str_len(o.ifname));
  }
}

int main(int argc, char** argv) {
  msg_init("tcpclient");
  Options o;
  int ind = parse_options(argc, argv, &o);
  const char* host = argv[ind];
  const char* portname = argv[ind + 1];
  char** prog = argv + ind + 2;
  unsigned int port;
  if (!net_port_scan(portname, &port))
    die("unable to figure out port number for ", portname);
  Bytes ips;
  resolve_host(host, o, ips);
  int fd = connect_any(ips, port, o);
  if (o.nodelay) net_nodelay(fd);
  if (o.verbose) {
    char ipbuf[kIpFmt + 1], pbuf[kFmtUlong + 1];
    char rip[16];
    unsigned int rport = port;
    if (!net_remote(fd, rip, &rport)) die_sys("unable to get remote address");
    ipbuf[ip_fmt(ipbuf, rip)] = 0;
    pbuf[fmt_ulong(pbuf, rport)] = 0;
    msg_line(0, "connected to ", ipbuf, " port ", pbuf);
  }
  set_environment(fd, o);
  if (!fd_move(6, fd) || !fd_nocoe(6)) die_sys("unable to set up descriptor 6");
  if (!fd_copy(7, 6) || !fd_nocoe(7)) die_sys("unable to set up descriptor 7");
  path_exec(prog);
  die_sys("unable to run ", prog[0]);
  return 111;
}
