// Unit tests for src/lib/net: text forms (hostile and edge inputs), TCP
// and UDP over loopback (IPv4, and IPv6 where ::1 works), connect errors
// and timeouts, ipme.
#include "qtest.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/net.h"

static std::string fmt16(const char ip[16]) {
  char buf[kIpFmt];
  return std::string(buf, ip_fmt(buf, ip));
}

static std::string fmt6(const char ip[16]) {
  char buf[kIpFmt];
  return std::string(buf, ip6_fmt(buf, ip));
}

// Scan the whole string as IPv6 and print it back ("" if refused).
static std::string round6(const char* s) {
  char ip[16];
  size_t n = strlen(s);
  if (!n || ip6_scan(s, n, ip) != n) return "";
  return fmt6(ip);
}

static void text_forms(TestState& t) {
  char ip4[4];
  t.testrun(ip4_scan("127.0.0.1", 9, ip4) == 9 && ip4[0] == 127 && ip4[3] == 1,
            "ip4_scan 127.0.0.1");
  t.testrun(ip4_scan("1.2.3.007", 9, ip4) == 9 && ip4[3] == 7,
            "ip4_scan leading zeros");
  t.testrun(ip4_scan("1.2.3.4:deny", 12, ip4) == 7, "ip4_scan stops at colon");
  t.testrun(ip4_scan("1.2.3", 5, ip4) == 0, "ip4_scan three parts refused");
  t.testrun(ip4_scan("1.2.3.256", 9, ip4) == 0, "ip4_scan 256 refused");
  t.testrun(ip4_scan("1..3.4", 6, ip4) == 0, "ip4_scan empty part refused");
  t.testrun(ip4_scan("1.2.3.4", 5, ip4) == 0, "ip4_scan honours length");
  t.testrun(!ip4_scan_all("1.2.3.4 ", ip4) && ip4_scan_all("10.0.0.255", ip4),
            "ip4_scan_all");
  char b[kIpFmt];
  const char v[4] = {10, 0, (char) 200, (char) 255};
  t.testrun(std::string(b, ip4_fmt(b, v)) == "10.0.200.255" &&
                ip4_fmt(0, v) == 12,
            "ip4_fmt");
  t.testrun(round6("::") == "::", "ip6 ::");
  t.testrun(round6("::1") == "::1", "ip6 ::1");
  t.testrun(round6("2001:DB8:0:0:0:0:0:1") == "2001:db8::1",
            "ip6 compress, lowercase");
  t.testrun(round6("2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1",
            "ip6 first run on tie");
  t.testrun(round6("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1",
            "ip6 longest run wins");
  t.testrun(round6("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1",
            "ip6 single zero group not compressed");
  t.testrun(round6("fe80::") == "fe80::", "ip6 trailing ::");
  t.testrun(round6("1:2:3:4:5:6:7::") == "1:2:3:4:5:6:7:0", "ip6 :: for one group");
  t.testrun(round6("::ffff:1.2.3.4") == "::ffff:1.2.3.4", "ip6 v4-mapped");
  t.testrun(round6("::FFFF:0102:0304") == "::ffff:1.2.3.4",
            "ip6 v4-mapped from hex");
  t.testrun(round6("64:ff9b::192.0.2.33") == "64:ff9b::c000:221",
            "ip6 dotted tail");
  t.testrun(round6("1::2::3") == "" && round6(":1::2") == "" &&
                round6("1:2:3:4:5:6:7") == "" &&
                round6("1:2:3:4:5:6:7:8:9") == "" && round6("12345::") == "" &&
                round6("g::") == "" && round6("1:2:3:4:5:6:7:1.2.3.4") == "" &&
                round6("::1.2.3") == "" && round6("") == "",
            "ip6 malformed refused");
  char ip[16];
  t.testrun(ip6_scan("::1]:25", 7, ip) == 3, "ip6_scan stops at bracket");
  t.testrun(ip_scan_all("127.0.0.1", ip) && ip_is_v4(ip) &&
                fmt16(ip) == "127.0.0.1" && fmt6(ip) == "::ffff:127.0.0.1",
            "ip_scan IPv4 is mapped");
  t.testrun(ip_scan_all("::ffff:10.1.2.3", ip) && fmt16(ip) == "10.1.2.3",
            "ip_fmt prints mapped as dotted");
  t.testrun(ip_scan_all("::1", ip) && ip_equal(ip, kIp6Loopback) &&
                !ip_is_v4(ip) && fmt16(ip) == "::1",
            "ip_scan IPv6");
  t.testrun(!ip_scan_all("", ip) && !ip_scan_all("localhost", ip) &&
                !ip_scan_all("1.2.3.4.5", ip),
            "ip_scan_all refuses names");
  char lng[kIpFmt];
  memset(ip, 0x11, 16);
  t.testrun(ip_fmt(lng, ip) == 39 && fmt16(ip) ==
                "1111:1111:1111:1111:1111:1111:1111:1111",
            "ip6 longest text fits");
}

static void tcp_pair(TestState& t, const char* lo, const char* name) {
  char ip[16];
  ip_scan_all(lo, ip);
  int s = net_tcp(ip);
  if (s == -1 || !net_bind(s, ip, 0, true)) {
    t.untested(std::string(name) + ": no loopback");
    if (s != -1) close(s);
    return;
  }
  char lip[16];
  unsigned int lport = 0;
  t.testrun(net_listen(s, 5) && net_local(s, lip, &lport) && lport != 0 &&
                ip_equal(lip, ip),
            std::string(name) + ": bind port 0, listen, local address");
  int c = net_tcp_connect(ip, lport, 0, 0, 5);
  t.testrun(c != -1, std::string(name) + ": connect");
  char rip[16];
  unsigned int rport = 0;
  int a = net_accept(s, rip, &rport);
  char cl[16], cr[16];
  unsigned int clp = 0, crp = 0;
  t.testrun(a != -1 && net_local(c, cl, &clp) && net_remote(c, cr, &crp) &&
                ip_equal(rip, ip) && rport == clp && crp == lport &&
                ip_equal(cr, ip),
            std::string(name) + ": accept gives the peer address and port");
  t.testrun(write(c, "hi", 2) == 2 && a != -1 && read(a, cl, 2) == 2 &&
                memcmp(cl, "hi", 2) == 0,
            std::string(name) + ": data flows");
  close(a);
  close(c);
  close(s);
  // Nobody listens there any more.
  errno = 0;
  c = net_tcp_connect(ip, lport, 0, 0, 5);
  t.testrun(c == -1 && errno == ECONNREFUSED,
            std::string(name) + ": refused connect reports ECONNREFUSED");
  if (c != -1) close(c);
}

static void udp_pair(TestState& t, const char* lo, const char* name) {
  char ip[16];
  ip_scan_all(lo, ip);
  int s = net_udp(ip);
  int c = net_udp(ip);
  unsigned int port = 0;
  char lip[16];
  if (s == -1 || c == -1 || !net_bind(s, ip, 0, false) ||
      !net_local(s, lip, &port)) {
    t.untested(std::string(name) + ": no loopback");
  } else {
    char buf[64], from[16];
    unsigned int fport = 0, cport = 0;
    bool ok = net_bind(c, ip, 0, false) && net_local(c, lip, &cport) &&
              net_send(c, "ping", 4, ip, port);
    long r = ok ? net_recv(s, buf, sizeof buf, from, &fport) : -1;
    t.testrun(r == 4 && memcmp(buf, "ping", 4) == 0 && fport == cport &&
                  ip_equal(from, ip),
              std::string(name) + ": datagram with sender address");
  }
  if (s != -1) close(s);
  if (c != -1) close(c);
}

static void connect_timeout(TestState& t) {
  // A listener that never accepts, with a full backlog: further SYNs are
  // dropped, so a connect can only time out.
  int s = net_tcp(kIp4Loopback);
  unsigned int port = 0;
  char ip[16];
  if (s == -1 || !net_bind(s, kIp4Loopback, 0, true) || !net_listen(s, 0) ||
      !net_local(s, ip, &port)) {
    t.untested("connect timeout: no listener");
    return;
  }
  int fill[8];
  int nfill = 0;
  int c = -1;
  for (; nfill < 8; ++nfill) {
    fill[nfill] = net_tcp(kIp4Loopback);
    errno = 0;
    if (!net_connect(fill[nfill], kIp4Loopback, port, 1)) {
      c = fill[nfill];
      break;
    }
  }
  if (c == -1)
    t.untested("connect timeout: backlog never filled on this system");
  else
    t.testrun(errno == ETIMEDOUT, "connect timeout gives ETIMEDOUT");
  for (int i = 0; i < nfill + (c != -1 ? 1 : 0) && i < 8; ++i) close(fill[i]);
  close(s);
}

static void ipme(TestState& t) {
  Bytes b;
  t.testrun(net_ipme(b) && b.len() % 16 == 0 && b.len() >= 32,
            "ipme lists addresses");
  bool any = false, lo = false, dup = false;
  for (size_t i = 0; i < b.len(); i += 16) {
    if (ip_equal(b.data() + i, kIp4Any)) any = true;
    if (ip_equal(b.data() + i, kIp4Loopback)) lo = true;
    for (size_t j = 0; j < i; j += 16)
      if (ip_equal(b.data() + i, b.data() + j)) dup = true;
  }
  t.testrun(any && lo && !dup, "ipme has 0.0.0.0 and 127.0.0.1, no duplicates");
  bool v6any = false;
  for (size_t i = 0; i < b.len(); i += 16)
    if (ip_equal(b.data() + i, kIp6Any)) v6any = true;
  t.testrun(v6any == net_has_ipv6(), "ipme has :: exactly when IPv6 is built");
}

static void interfaces(TestState& t) {
  unsigned int i = net_if_index("lo");
  if (!i) i = net_if_index("lo0");
  char name[kIfNameMax];
  if (!i) {
    t.untested("interface index: no lo/lo0 or no if_nametoindex");
  } else {
    t.testrun(net_if_name(i, name) && net_if_index(name) == i,
              "interface name and index round trip");
  }
  errno = 0;
  t.testrun(net_if_index("nosuchif0") == 0 && errno == ENXIO,
            "unknown interface gives 0, ENXIO");
  if (!net_has_ipv6()) return;
  int s = net_tcp(kIp6Loopback);
  unsigned int port = 0, scope = 99, cport = 0;
  char ip[16];
  if (s == -1 || !net_bind_scope(s, kIp6Loopback, 0, true, 0) ||
      !net_listen(s, 1) || !net_local(s, ip, &port)) {
    t.untested("scope: no ::1");
  } else {
    int c = net_tcp(kIp6Loopback);
    bool ok = net_connect_scope(c, kIp6Loopback, port, 5, 0);
    int a = ok ? net_accept_scope(s, ip, &cport, &scope) : -1;
    t.testrun(a != -1 && scope == 0 && ip_equal(ip, kIp6Loopback),
              "accept_scope: ::1 has no scope");
    if (a != -1) close(a);
    close(c);
  }
  if (s != -1) close(s);
}

static void ports(TestState& t) {
  unsigned int p = 0;
  t.testrun(net_port_scan("25", &p) && p == 25, "port number");
  t.testrun(net_port_scan("0", &p) && p == 0, "port 0");
  t.testrun(!net_port_scan("65536", &p) && !net_port_scan("", &p) &&
                !net_port_scan("nosuchservice", &p),
            "bad ports refused");
  if (access("/etc/services", R_OK) == 0)
    t.testrun(net_port_scan("smtp", &p) && p == 25, "service name smtp");
  const char svc[] =
      "# comment smtp 99/tcp\n"
      "\n"
      "echo\t\t7/tcp\n"
      "echo  7/udp\n"
      "smtp\t\t25/tcp\t\tmail # SMTP\n"
      "bad  70000/tcp big\n"
      "nope x/tcp nope2\n"
      "domain  53/udp\n"
      "domain  53/tcp\r\n"
      "last 4711/tcp lastalias";
  size_t n = sizeof svc - 1;
  p = 0;
  t.testrun(net_services_find(svc, n, "smtp", "tcp", &p) && p == 25,
            "services: name");
  p = 0;
  t.testrun(net_services_find(svc, n, "mail", "tcp", &p) && p == 25,
            "services: alias");
  p = 0;
  t.testrun(net_services_find(svc, n, "domain", "tcp", &p) && p == 53 &&
                net_services_find(svc, n, "echo", "udp", &p) && p == 7,
            "services: protocol chosen, CR tolerated");
  p = 0;
  t.testrun(net_services_find(svc, n, "lastalias", "tcp", &p) && p == 4711,
            "services: last line without newline");
  t.testrun(!net_services_find(svc, n, "SMTP", "tcp", &p) &&
                !net_services_find(svc, n, "comment", "tcp", &p) &&
                !net_services_find(svc, n, "big", "tcp", &p) &&
                !net_services_find(svc, n, "nope2", "tcp", &p) &&
                !net_services_find(svc, n, "#", "tcp", &p) &&
                !net_services_find(svc, n, "smtp", "udp", &p),
            "services: case, comments, bad ports, protocol");
}

int main() {
  TestState t;
  text_forms(t);
  tcp_pair(t, "127.0.0.1", "tcp4");
  udp_pair(t, "127.0.0.1", "udp4");
  if (net_has_ipv6()) {
    tcp_pair(t, "::1", "tcp6");
    udp_pair(t, "::1", "udp6");
  }
  connect_timeout(t);
  ipme(t);
  interfaces(t);
  ports(t);
  return 0;
}
