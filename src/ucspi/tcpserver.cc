// tcpserver: accept TCP connections and run a program for each one.
//
// Usage (the usage message is 0.88's, without -4 -6 -I):
//        tcpserver [ -1UXpPhHrRoOdDqQv46 ] [ -c limit ] [ -x rules.cdb ]
//          [ -B banner ] [ -g gid ] [ -u uid ] [ -b backlog ]
//          [ -l localname ] [ -t timeout ] [ -I interface ]
//          host port program [ arg ... ]
// Started by supervise or by hand, usually as root so that it can bind a
// low port; it switches to -g/-u ids right after binding.  For every
// connection a child sets the TCP environment (tcp-environ(5)), applies
// the -x rules and execs the program with the socket on descriptors 0
// and 1.  Trusts nothing from the network: host names and ident answers
// are cleaned before they reach the log.  Writes only diagnostics and
// (-v) log lines to descriptor 2, and with -1 the port to descriptor 1.
// Exit codes: 100 usage, 111 start-up failure, 0 on SIGTERM.  Children:
// 100 denied, 111 connection dropped, else the program's own status.
#include "config.h"

#include <sys/types.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/net.h"
#include "src/lib/opt.h"
#include "src/lib/poll.h"
#include "src/lib/prot.h"
#include "src/lib/rules.h"
#include "src/lib/scan.h"
#include "src/lib/spawn.h"
#include "src/ucspi/remoteinfo.h"

static const char kUsage[] =
    "tcpserver [ -1UXpPhHrRoOdDqQv ] [ -c limit ] [ -x rules.cdb ] "
    "[ -B banner ] [ -g gid ] [ -u uid ] [ -b backlog ] [ -l localname ] "
    "[ -t timeout ] host port program";

// Settings from the command line; plain data, set once in main.
struct Config {
  int verbosity;          // 0 -q, 1 -Q, 2 -v
  unsigned long limit;    // -c
  const char* rules;      // -x
  bool rules_missing_ok;  // -X
  const char* banner;     // -B
  unsigned long uid;
  unsigned long gid;
  unsigned long backlog;
  const char* localname;  // -l
  bool remote_host;       // -h / -H
  bool paranoid;          // -p / -P
  bool remote_info;       // -r / -R
  bool kill_options;      // -O / -o
  bool nodelay;           // -D / -d
  bool print_port;        // -1
  unsigned long timeout;  // -t
  int family;             // 0 both, 4 IPv4 only (-4), 6 IPv6 forms (-6)
  const char* ifname;     // -I: the interface of a link-local address
  unsigned int scope;     // its index
  char** program;
};

static Config g;
static unsigned long g_children = 0;
static int g_wake[2] = {-1, -1};
static volatile sig_atomic_t g_got_child = 0;
static volatile sig_atomic_t g_got_term = 0;

// ---- ways to die ----

static void die_usage() {
  msg_usage(kUsage);
  _exit(100);
}
static void die_fatal(const char* a, const char* b = 0, const char* c = 0) {
  if (g.verbosity > 0) msg_fatal(a, b, c);
  _exit(111);
}
static void die_sys(const char* a, const char* b = 0) {
  if (g.verbosity > 0) msg_fatal_sys(a, b);
  _exit(111);
}
// A child gives up on its connection.
static void drop(const char* a, const char* b = 0) {
  if (g.verbosity > 0) msg_warn("dropping connection, ", a, b);
  _exit(111);
}
static void drop_sys(const char* a, const char* b = 0) {
  if (g.verbosity > 0) msg_warn_sys("dropping connection, ", a, b);
  _exit(111);
}
static void drop_nomem() { drop("out of memory"); }

// ---- signals: the handlers only note the signal and wake the loop ----

static void wake() {
  int e = errno;
  char c = 0;
  if (write(g_wake[1], &c, 1) == -1) {
    // Pipe full: the loop is awake already.
  }
  errno = e;
}
extern "C" void on_child(int) {
  g_got_child = 1;
  wake();
}
extern "C" void on_term(int) {
  g_got_term = 1;
  wake();
}

// ---- options ----

static unsigned long number(const char* s) {
  unsigned long u = 0;
  if (!scan_ulong_cstr(s, &u)) u = 0;
  return u;
}

static int parse_options(int argc, char** argv) {
  g.verbosity = 1;
  g.limit = 40;
  g.backlog = 20;
  g.remote_host = true;
  g.remote_info = true;
  g.kill_options = true;
  g.timeout = 26;
  OptState st;
  opt_init(&st);
  int c;
  const char* spec = "qQvc:x:XB:g:u:Ub:oOdDhHpPl:rRt:146I:";
  while ((c = opt_next(&st, argc, argv, spec)) != -1) {
    switch (c) {
      case 'q': g.verbosity = 0; break;
      case 'Q': g.verbosity = 1; break;
      case 'v': g.verbosity = 2; break;
      case 'c':
        g.limit = number(st.arg);
        if (g.limit == 0) die_usage();
        break;
      case 'x': g.rules = st.arg; break;
      case 'X': g.rules_missing_ok = true; break;
      case 'B': g.banner = st.arg; break;
      case 'g': g.gid = number(st.arg); break;
      case 'u': g.uid = number(st.arg); break;
      case 'U':
        if (env_get("UID")) g.uid = number(env_get("UID"));
        if (env_get("GID")) g.gid = number(env_get("GID"));
        break;
      case 'b': g.backlog = number(st.arg); break;
      case 'o': g.kill_options = false; break;
      case 'O': g.kill_options = true; break;
      case 'd': g.nodelay = false; break;
      case 'D': g.nodelay = true; break;
      case 'h': g.remote_host = true; break;
      case 'H': g.remote_host = false; break;
      case 'p': g.paranoid = true; break;
      case 'P': g.paranoid = false; break;
      case 'l': g.localname = st.arg; break;
      case 'r': g.remote_info = true; break;
      case 'R': g.remote_info = false; break;
      case 't': g.timeout = number(st.arg); break;
      case '1': g.print_port = true; break;
      case '4': g.family = 4; break;
      case '6': g.family = 6; break;
      case 'I': g.ifname = st.arg; break;
      default: die_usage();
    }
  }
  if (argc - st.ind < 3) die_usage();
  g.program = argv + st.ind + 2;
  return st.ind;
}

// ---- the log ----

static void log_status() {
  if (g.verbosity < 2) return;
  char n[kFmtUlong + 1], l[kFmtUlong + 1];
  n[fmt_ulong(n, g_children)] = 0;
  l[fmt_ulong(l, g.limit)] = 0;
  msg_line(0, "status: ", n, "/", l);
}

// A fixed-size line: host names and ident answers come from the network.
struct LogLine {
  char buf[1024];
  size_t len;
  void add(const char* s) {
    size_t n = strlen(s);
    if (n > sizeof buf - 1 - len) n = sizeof buf - 1 - len;
    memcpy(buf + len, s, n);
    len += n;
    buf[len] = 0;
  }
  // At most 100 bytes; the field separators and unprintables become '?'.
  void add_field(const char* s) {
    size_t i;
    for (i = 0; s && s[i] && i < 100 && len < sizeof buf - 5; ++i) {
      unsigned char c = (unsigned char) s[i];
      buf[len++] = (c < 33 || c > 126 || c == ':' || c == '%') ? '?' : c;
    }
    buf[len] = 0;
    if (s && s[i]) add("...");
  }
};

// ---- the listening socket ----

static void resolve_host(const char* host, char ip[16]) {
  if (host[0] == 0 || (host[0] == '0' && host[1] == 0)) {
    bool v6 = g.family != 4 && net_has_ipv6();
    memcpy(ip, v6 ? kIp6Any : kIp4Any, 16);
    return;
  }
  if (ip_scan_all(host, ip)) {
    if (g.family == 4 && !ip_is_v4(ip))
      die_fatal("no IP address for ", host);
    return;
  }
  Bytes out, fqdn;
  int r = 0;
  if (g.family != 4 && net_has_ipv6()) {
    r = dns_qualified(out, fqdn, dns_ip6, host, strlen(host));
    if (r == 1 && out.len() >= 16) {
      memcpy(ip, out.data(), 16);
      return;
    }
  }
  int r4 = dns_qualified(out, fqdn, dns_ip4, host, strlen(host));
  if (r4 == 1 && out.len() >= 4) {
    ip_from4(ip, out.data());
    return;
  }
  if (r4 == -1 || r == -1) {
    if (errno == ENOMEM) die_fatal("out of memory");
    die_sys("temporarily unable to figure out IP address for ", host);
  }
  die_fatal("no IP address for ", host);
}

static int listen_socket(const char* host, const char* portname,
                         unsigned int* portp) {
  unsigned int port;
  if (!net_port_scan(portname, &port))
    die_fatal("unable to figure out port number for ", portname);
  char ip[16];
  resolve_host(host, ip);
  int s = net_tcp(ip);
  // No IPv6 in this kernel: the wildcard falls back to IPv4.
  if (s == -1 && ip_equal(ip, kIp6Any)) {
    memcpy(ip, kIp4Any, 16);
    s = net_tcp(ip);
  }
  if (s == -1) die_sys("unable to create socket");
  if (ip_equal(ip, kIp6Any) && !net_v6only(s, false))
    die_sys("unable to create socket");
  if (g.ifname && !(g.scope = net_if_index(g.ifname)))
    die_sys("unable to figure out interface ", g.ifname);
  if (!net_bind_scope(s, ip, port, true, g.scope)) die_sys("unable to bind");
  if (!net_local(s, ip, &port)) die_sys("unable to get local address");
  int backlog = g.backlog > 1000000 ? 1000000 : (int) g.backlog;
  if (!net_listen(s, backlog)) die_sys("unable to listen");
  // Non-blocking, so that a client gone before accept cannot hang us.
  if (!fd_ndelay_on(s) || !fd_coe(s)) die_sys("unable to listen");
  *portp = port;
  return s;
}

static void drop_privileges() {
  if (g.gid && !prot_gid((int) g.gid)) die_sys("unable to set gid");
  if (g.uid && !prot_uid((int) g.uid)) die_sys("unable to set uid");
}

// ---- the child: one connection ----

struct Conn {
  char local_ip[16];
  char remote_ip[16];
  unsigned int local_port;
  unsigned int remote_port;
  unsigned int scope;               // the peer's interface, 0 if none
  bool v4;                          // IPv4 presentation
  char local_text[kIpFmt + 1];
  char remote_text[kIpFmt + 1];
  char local_port_text[kFmtUlong + 1];
  char remote_port_text[kFmtUlong + 1];
};

static void ip_text(const Conn& c, const char ip[16], char* out) {
  out[c.v4 ? ip_fmt(out, ip) : ip6_fmt(out, ip)] = 0;
}

static void set_env(const char* name, const char* value) {
  if (!env_set(name, value)) drop_nomem();
}
static void set_or_unset(const char* name, const char* value) {
  if (value) set_env(name, value);
  else if (!env_unset(name)) drop_nomem();
}

// The reverse name of ip, lowercase (dns.h), or false.  With paranoid
// the name must also lead back to ip.
static bool lookup_name(Bytes& name, const char ip[16], bool paranoid) {
  bool v4 = ip_is_v4(ip);
  int r = v4 ? dns_ptr4(name, ip + 12) : dns_ptr6(name, ip);
  if (r != 1 || name.empty() || name.has_nul()) return false;
  if (!paranoid) return true;
  Bytes addrs;
  size_t step = v4 ? 4 : 16;
  r = v4 ? dns_ip4(addrs, name.data(), name.len())
         : dns_ip6(addrs, name.data(), name.len());
  if (r != 1) return false;
  for (size_t i = 0; i + step <= addrs.len(); i += step)
    if (memcmp(addrs.data() + i, v4 ? ip + 12 : ip, step) == 0) return true;
  return false;
}

// Apply a rule's items: settings go to the environment; true if denied.
static bool apply_rule(const Bytes& data) {
  bool deny = false;
  size_t pos = 0;
  const char* item;
  size_t len;
  Bytes var;
  while (rules_item(data, &pos, &item, &len)) {
    const char* name;
    const char* value;
    size_t nlen, vlen;
    if (len && item[0] == 'D') deny = true;
    if (!rules_setting(item, len, &name, &nlen, &value, &vlen)) continue;
    if (nlen == 0) continue;
    if (!var.copy(name, nlen)) drop_nomem();
    if (!env_set_bytes(var.c_str(), value, vlen)) drop_nomem();
  }
  return deny;
}

static bool check_rules(const Conn& c, const char* host, const char* info) {
  int fd = open_read(g.rules);
  if (fd == -1) {
    if (errno == ENOENT && g.rules_missing_ok) return false;
    drop_sys("unable to read ", g.rules);
  }
  Bytes key, data;
  int r = rules_find(fd, c.remote_text, host, info, key, data);
  if (r == -1) drop_sys("unable to read ", g.rules);
  close(fd);
  return r == 1 && apply_rule(data);
}

// The ok/deny line.  Names and remote info are sanitised fields; the
// addresses and ports are our own text and printed as they are (an IPv6
// address keeps its colons; an IPv4 one reads as in 0.88).
static void log_decision(const Conn& c, bool deny, const char* localhost,
                         const char* remotehost, const char* info) {
  char pid[kFmtUlong + 1];
  pid[fmt_ulong(pid, (unsigned long) getpid())] = 0;
  LogLine l;
  l.len = 0;
  l.buf[0] = 0;
  l.add(deny ? "deny " : "ok ");
  l.add(pid);
  l.add(" ");
  l.add_field(localhost);
  l.add(":");
  l.add(c.local_text);
  l.add(":");
  l.add(c.local_port_text);
  l.add(" ");
  l.add_field(remotehost);
  l.add(":");
  l.add(c.remote_text);
  l.add(":");
  l.add_field(info);
  l.add(":");
  l.add(c.remote_port_text);
  msg_line(0, l.buf);
}

// PROTO, and the TCP6* variables of the IPv6 patch: unless -4 they are
// set for every connection, addresses always in IPv6 form
// (::ffff:1.2.3.4 for an IPv4 client); -4 removes them, as 0.88 never
// sets them.  TCP6INTERFACE names the interface of a scoped (link-local)
// peer and is removed for every other.
static void set_proto(const Conn& c, const char* lhost, const char* rhost,
                      const char* info) {
  set_env("PROTO", c.v4 ? "TCP" : "TCP6");
  char lip[kIpFmt + 1], rip[kIpFmt + 1];
  lip[ip6_fmt(lip, c.local_ip)] = 0;
  rip[ip6_fmt(rip, c.remote_ip)] = 0;
  static const char* const k6[] = {
      "TCP6LOCALIP", "TCP6LOCALPORT", "TCP6LOCALHOST", "TCP6REMOTEIP",
      "TCP6REMOTEPORT", "TCP6REMOTEHOST", "TCP6REMOTEINFO", 0};
  const char* v6[] = {lip, c.local_port_text, lhost,
                      rip, c.remote_port_text, rhost, info};
  bool six = g.family != 4;
  for (int i = 0; k6[i]; ++i) set_or_unset(k6[i], six ? v6[i] : 0);
  char ifname[kIfNameMax];
  bool scoped = six && c.scope && net_if_name(c.scope, ifname);
  set_or_unset("TCP6INTERFACE", scoped ? ifname : 0);
}

// Steps before any lookup: the pid line, socket options, the banner and
// the local address.
static void greet(int t, Conn& c) {
  c.v4 = ip_is_v4(c.remote_ip) && g.family != 6;
  ip_text(c, c.remote_ip, c.remote_text);
  c.remote_port_text[fmt_ulong(c.remote_port_text, c.remote_port)] = 0;
  if (g.verbosity >= 2) {
    char pid[kFmtUlong + 1];
    pid[fmt_ulong(pid, (unsigned long) getpid())] = 0;
    msg_line(0, "pid ", pid, " from ", c.remote_text);
  }
  if (g.kill_options && ip_is_v4(c.remote_ip)) net_ipoptionskill(t);
  if (g.nodelay) net_nodelay(t);
  if (g.banner && *g.banner && !write_all(t, g.banner, strlen(g.banner)))
    drop_sys("unable to print banner");
  if (!net_local(t, c.local_ip, &c.local_port))
    drop_sys("unable to get local address");
  ip_text(c, c.local_ip, c.local_text);
  c.local_port_text[fmt_ulong(c.local_port_text, c.local_port)] = 0;
}

static void child(int t, Conn& c) {
  qm_sig_default(SIGCHLD);
  qm_sig_default(SIGTERM);
  greet(t, c);
  Bytes lname, rname, info;
  const char* localhost = g.localname;
  if (!localhost && lookup_name(lname, c.local_ip, false))
    localhost = lname.c_str();
  set_env("TCPLOCALIP", c.local_text);
  set_env("TCPLOCALPORT", c.local_port_text);
  set_or_unset("TCPLOCALHOST", localhost);

  const char* remotehost = 0;
  if (g.remote_host && lookup_name(rname, c.remote_ip, g.paranoid))
    remotehost = rname.c_str();
  set_env("TCPREMOTEIP", c.remote_text);
  set_env("TCPREMOTEPORT", c.remote_port_text);
  set_or_unset("TCPREMOTEHOST", remotehost);

  const char* remoteinfo_text = 0;
  // The answer is a C string for the environment, as in 0.88.
  if (g.remote_info && remoteinfo(info, c.local_ip, c.local_port,
                                  c.remote_ip, c.remote_port,
                                  (unsigned int) g.timeout))
    remoteinfo_text = info.c_str();
  set_or_unset("TCPREMOTEINFO", remoteinfo_text);
  set_proto(c, localhost, remotehost, remoteinfo_text);

  bool deny = g.rules && check_rules(c, remotehost, remoteinfo_text);
  if (g.verbosity >= 2)
    log_decision(c, deny, localhost, remotehost, remoteinfo_text);
  if (deny) _exit(100);

  if (!fd_move(0, t) || !fd_copy(1, 0))
    drop_sys("unable to set up descriptors");
  qm_sig_default(SIGPIPE);
  path_exec(g.program);
  drop_sys("unable to run ", g.program[0]);
}

// ---- the server loop ----

static void reap() {
  g_got_child = 0;
  int status;
  int pid;
  while ((pid = qm_wait_nohang(&status)) > 0) {
    if (g.verbosity >= 2) {
      char p[kFmtUlong + 1], s[kFmtUlong + 1];
      p[fmt_ulong(p, (unsigned long) pid)] = 0;
      s[fmt_ulong(s, (unsigned long) (unsigned int) status)] = 0;
      msg_line(0, "end ", p, " status ", s);
    }
    if (g_children) --g_children;
    log_status();
  }
}

static void accept_one(int s) {
  Conn c;
  c.scope = 0;
  int t = net_accept_scope(s, c.remote_ip, &c.remote_port, &c.scope);
  if (t == -1) return;
  ++g_children;
  log_status();
  int pid = fork();
  if (pid == 0) {
    close(s);
    close(g_wake[0]);
    close(g_wake[1]);
    child(t, c);
  }
  if (pid == -1) {
    if (g.verbosity > 0) msg_warn_sys("dropping connection, unable to fork");
    --g_children;
    log_status();
  }
  close(t);
}

static void serve(int s) {
  for (;;) {
    if (g_got_term) _exit(0);
    if (g_got_child) reap();
    PollFd p[2];
    p[0].fd = g_wake[0];
    p[0].events = kPollIn;
    p[1].fd = g_children < g.limit ? s : -1;
    p[1].events = kPollIn;
    if (io_pause(p, 2, -1) <= 0) continue;
    if (p[0].revents) {
      char buf[64];
      while (read(g_wake[0], buf, sizeof buf) > 0) {
      }
    }
    if (p[1].fd != -1 && p[1].revents) accept_one(s);
  }
}

int main(int argc, char** argv) {
  msg_init("tcpserver");
  int i = parse_options(argc, argv);
  if (pipe(g_wake) == -1) die_sys("unable to create pipe");
  if (!fd_coe(g_wake[0]) || !fd_coe(g_wake[1]) ||
      !fd_ndelay_on(g_wake[0]) || !fd_ndelay_on(g_wake[1]))
    die_sys("unable to create pipe");
  qm_sig_catch(SIGCHLD, on_child);
  qm_sig_catch(SIGTERM, on_term);
  qm_sig_ignore(SIGPIPE);

  unsigned int port;
  int s = listen_socket(argv[i], argv[i + 1], &port);
  drop_privileges();
  if (g.print_port) {
    char buf[kFmtUlong + 1];
    size_t n = fmt_ulong(buf, (unsigned long) port);
    buf[n++] = '\n';
    if (!write_all(1, buf, n)) die_sys("unable to write port");
  }
  close(0);
  close(1);
  log_status();
  serve(s);
  return 0;
}
