// dns.cc: the resolver configuration and the UDP/TCP transport of the DNS
// client; the packets themselves are handled by dnspacket.cc.  See dns.h.
#include "config.h"
#include "src/lib/dns.h"

#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/dnspacket.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/net.h"
#include "src/lib/poll.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"

enum { kMaxServers = 16, kMaxHops = 8, kUdpMax = 65536 };

// Plain data, filled once per process: no constructor runs at start-up.
struct DnsConf {
  bool loaded;
  unsigned int n;
  unsigned int port;
  char ip[kMaxServers][16];
};
static DnsConf conf;

// Random query ids and source ports (RFC 5452): a small xorshift
// generator seeded from /dev/urandom, or the clock and pid without it.
static unsigned long rnd_state;

static unsigned int rnd16() {
  if (!rnd_state) {
    unsigned char seed[8];
    int fd = open_read("/dev/urandom");
    unsigned long s = 0;
    if (fd != -1) {
      if (read_full(fd, (char*) seed, sizeof seed) == (long) sizeof seed)
        for (unsigned int i = 0; i < sizeof seed; ++i) s = (s << 8) ^ seed[i];
      close(fd);
    }
    unsigned long sec, usec;
    now_tv(&sec, &usec);
    s ^= sec ^ (usec << 12) ^ ((unsigned long) getpid() << 20);
    rnd_state = s ? s : 1;
  }
  rnd_state ^= rnd_state << 13;
  rnd_state &= 0xffffffffUL;
  rnd_state ^= rnd_state >> 17;
  rnd_state ^= rnd_state << 5;
  rnd_state &= 0xffffffffUL;
  return (unsigned int) (rnd_state >> 8) & 0xffff;
}

// Addresses separated by spaces, tabs, commas or newlines.
static void add_servers(const char* s, size_t len) {
  size_t i = 0;
  while (i < len && conf.n < kMaxServers) {
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
    size_t j = i;
    while (j < len && s[j] != ' ' && s[j] != '\t' && s[j] != ',' &&
           s[j] != '\n')
      ++j;
    char ip[16];
    if (j > i && ip_scan(s + i, j - i, ip) == j - i) {
      // 0.0.0.0 means this host, as djbdns' dnscache users write it.
      if (ip_equal(ip, kIp4Any)) memcpy(ip, kIp4Loopback, 16);
      memcpy(conf.ip[conf.n++], ip, 16);
    }
    i = j + 1;
  }
}

static bool load_conf() {
  if (conf.loaded) return true;
  conf.n = 0;
  conf.port = 53;
  const char* p = env_get("DNSCACHEPORT");
  unsigned long u;
  if (p && scan_ulong_all(p, strlen(p), &u) && u > 0 && u < 65536)
    conf.port = (unsigned int) u;
  p = env_get("DNSCACHEIP");
  if (p) {
    add_servers(p, strlen(p));
  } else {
    Bytes rc;
    if (file_read_all(rc, "/etc/resolv.conf") == -1) return false;
    size_t i = 0;
    while (i < rc.len()) {
      const char* line = rc.data() + i;
      size_t n = byte_chr(line, rc.len() - i, '\n');
      if (n > 11 && memcmp(line, "nameserver", 10) == 0 &&
          (line[10] == ' ' || line[10] == '\t'))
        add_servers(line + 11, n - 11);
      i += n + 1;
    }
  }
  if (!conf.n) memcpy(conf.ip[conf.n++], kIp4Loopback, 16);
  conf.loaded = true;
  return true;
}

static long ms_left(unsigned long end_sec, unsigned long end_usec) {
  unsigned long sec, usec;
  now_tv(&sec, &usec);
  if (sec > end_sec || (sec == end_sec && usec >= end_usec)) return 0;
  return (long) ((end_sec - sec) * 1000) + ((long) end_usec - (long) usec) / 1000;
}

// Wait for fd to become readable before the deadline.
static bool wait_read(int fd, unsigned long es, unsigned long eu) {
  for (;;) {
    long ms = ms_left(es, eu);
    if (ms <= 0) {
      errno = ETIMEDOUT;
      return false;
    }
    PollFd p;
    p.fd = fd;
    p.events = kPollIn;
    int r = io_pause(&p, 1, ms);
    if (r > 0) return true;
    if (r == -1 && errno != EINTR) return false;
  }
}

static int udp_socket(const char ip[16]) {
  int fd = net_udp(ip);
  if (fd == -1) return -1;
  fd_coe(fd);
  const char* any = ip_is_v4(ip) ? kIp4Any : kIp6Any;
  bool bound = false;
  for (int i = 0; i < 10 && !bound; ++i)
    bound = net_bind(fd, any, 1025 + rnd16() % 64510, false);
  if (!bound) bound = net_bind(fd, any, 0, false);
  if (!bound) {
    close(fd);
    return -1;
  }
  return fd;
}

// One exchange with one server; returns a DnsParse code, or kDnsBad with
// errno for transport failures.
struct Query {
  Bytes* pkt;
  unsigned int id;
  const char* qwire;
  size_t qlen;
  unsigned int qtype;
};

static int ask_udp(const Query& q, const char ip[16], unsigned int secs,
                   Bytes& buf, Bytes& out, Bytes& cname) {
  int fd = udp_socket(ip);
  if (fd == -1) return kDnsBad;
  unsigned long es, eu;
  now_tv(&es, &eu);
  es += secs;
  int r = kDnsBad;
  if (net_connect(fd, ip, conf.port, 0) &&
      write(fd, q.pkt->data(), q.pkt->len()) == (ssize_t) q.pkt->len()) {
    for (;;) {
      if (!wait_read(fd, es, eu)) break;
      ssize_t n = read(fd, buf.data(), kUdpMax);
      if (n == -1) {
        if (errno == EINTR || errno == EAGAIN) continue;
        break;
      }
      r = dns_answer_parse(buf.data(), (size_t) n, q.id, q.qwire, q.qlen,
                           q.qtype, out, cname);
      if (r != kDnsNotOurs) break;
      r = kDnsBad;
    }
  }
  int e = errno;
  close(fd);
  errno = e;
  return r;
}

static bool read_until(int fd, char* p, size_t n, unsigned long es,
                       unsigned long eu) {
  while (n) {
    if (!wait_read(fd, es, eu)) return false;
    ssize_t r = read(fd, p, n);
    if (r == 0) errno = EPROTO;
    if (r <= 0) {
      if (r == -1 && errno == EINTR) continue;
      return false;
    }
    p += r;
    n -= (size_t) r;
  }
  return true;
}

static int ask_tcp(const Query& q, const char ip[16], unsigned int secs,
                   Bytes& buf, Bytes& out, Bytes& cname) {
  unsigned long es, eu;
  now_tv(&es, &eu);
  es += secs;
  int fd = net_tcp_connect(ip, conf.port, 0, 0, secs);
  if (fd == -1) return kDnsBad;
  fd_coe(fd);
  int r = kDnsBad;
  char len[2] = {(char) (q.pkt->len() >> 8), (char) q.pkt->len()};
  char rl[2];
  if (write_all(fd, len, 2) && write_all(fd, q.pkt->data(), q.pkt->len()) &&
      read_until(fd, rl, 2, es, eu)) {
    size_t n = ((size_t) (unsigned char) rl[0] << 8) | (unsigned char) rl[1];
    if (read_until(fd, buf.data(), n, es, eu)) {
      r = dns_answer_parse(buf.data(), n, q.id, q.qwire, q.qlen, q.qtype, out,
                           cname);
      // Over TCP there is no one else to wait for.
      if (r == kDnsNotOurs || r == kDnsTrunc) {
        r = kDnsBad;
        errno = EPROTO;
      }
    }
  }
  int e = errno;
  close(fd);
  errno = e;
  return r;
}

// Ask the servers in turn, with growing timeouts (1, 3, 11, 45 seconds
// per round, as djbdns does).  A server that refuses, fails or sends
// garbage is not asked again.
static int resolve(const char* qwire, size_t qlen, unsigned int qtype,
                   Bytes& out, Bytes& cname) {
  static const unsigned int kRounds[4] = {1, 3, 11, 45};
  if (!load_conf()) return kDnsBad;
  Bytes pkt, buf;
  Query q;
  q.pkt = &pkt;
  q.id = rnd16();
  q.qwire = qwire;
  q.qlen = qlen;
  q.qtype = qtype;
  if (!dns_query_build(pkt, q.id, qwire, qlen, qtype) || !buf.reserve(kUdpMax))
    return kDnsBad;
  bool dead[kMaxServers];
  memset(dead, 0, sizeof dead);
  int err = ETIMEDOUT;
  for (int round = 0; round < 4; ++round) {
    bool tried = false;
    for (unsigned int s = 0; s < conf.n; ++s) {
      if (dead[s]) continue;
      tried = true;
      size_t keep = out.len();
      int r = ask_udp(q, conf.ip[s], kRounds[round], buf, out, cname);
      if (r == kDnsTrunc) {
        out.truncate(keep);
        r = ask_tcp(q, conf.ip[s], kRounds[3], buf, out, cname);
      }
      if (r == kDnsFound || r == kDnsNone || r == kDnsCname) return r;
      out.truncate(keep);
      if (r == kDnsServFail) errno = EAGAIN;
      err = errno;
      if (err != ETIMEDOUT) dead[s] = true;
      if (err == ENOMEM) return kDnsBad;
    }
    if (!tried) break;
  }
  errno = err;
  return kDnsBad;
}

// Query name/type, following CNAMEs across queries; 1, 0 or -1.
static int lookup(Bytes& out, const char* name, size_t n, unsigned int qtype) {
  out.clear();
  Bytes wire, cname;
  if (!dns_name_wire(wire, name, n)) return 0;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    int r = resolve(wire.data(), wire.len(), qtype, out, cname);
    if (r == kDnsFound) return 1;
    if (r == kDnsNone) return 0;
    if (r != kDnsCname) return -1;
    if (!wire.copy(cname)) return -1;
  }
  errno = EPROTO;  // a CNAME chain too long to be sane
  return -1;
}

// A literal "1.2.3.4" or "[1.2.3.4]" (and the same for IPv6) needs no
// query.
static bool literal(const char* name, size_t n, char ip[16]) {
  if (n >= 2 && name[0] == '[' && name[n - 1] == ']') {
    ++name;
    n -= 2;
  }
  return n && ip_scan(name, n, ip) == n;
}

int dns_ip4(Bytes& out, const char* name, size_t n) {
  char ip[16];
  if (literal(name, n, ip) && ip_is_v4(ip)) {
    out.clear();
    return out.append(ip + 12, 4) ? 1 : -1;
  }
  return lookup(out, name, n, kDnsTypeA);
}

int dns_ip6(Bytes& out, const char* name, size_t n) {
  char ip[16];
  if (literal(name, n, ip)) {
    out.clear();
    if (ip_is_v4(ip)) return 0;
    return out.append(ip, 16) ? 1 : -1;
  }
  return lookup(out, name, n, kDnsTypeAaaa);
}

int dns_ip(Bytes& out, const char* name, size_t n) {
  char ip[16];
  out.clear();
  if (literal(name, n, ip)) return out.append(ip, 16) ? 1 : -1;
  Bytes a;
  int r6 = lookup(out, name, n, kDnsTypeAaaa);
  int e6 = errno;
  int r4 = lookup(a, name, n, kDnsTypeA);
  for (size_t i = 0; r4 == 1 && i + 4 <= a.len(); i += 4) {
    ip_from4(ip, a.data() + i);
    if (!out.append(ip, 16)) return -1;
  }
  if (out.len()) return 1;
  if (r6 == -1) {
    errno = e6;
    return -1;
  }
  return r4;
}

int dns_ptr4(Bytes& out, const char ip[4]) {
  Bytes name;
  for (int i = 3; i >= 0; --i)
    if (!name.append_ulong((unsigned char) ip[i]) || !name.append_byte('.'))
      return -1;
  if (!name.append("in-addr.arpa")) return -1;
  return lookup(out, name.data(), name.len(), kDnsTypePtr);
}

int dns_ptr6(Bytes& out, const char ip[16]) {
  static const char kHex[] = "0123456789abcdef";
  if (ip_is_v4(ip)) return dns_ptr4(out, ip + 12);
  Bytes name;
  for (int i = 15; i >= 0; --i) {
    unsigned char c = (unsigned char) ip[i];
    char nib[4] = {kHex[c & 15], '.', kHex[c >> 4], '.'};
    if (!name.append(nib, 4)) return -1;
  }
  if (!name.append("ip6.arpa")) return -1;
  return lookup(out, name.data(), name.len(), kDnsTypePtr);
}

int dns_mx(Bytes& out, const char* name, size_t n) {
  return lookup(out, name, n, kDnsTypeMx);
}

int dns_txt(Bytes& out, const char* name, size_t n) {
  return lookup(out, name, n, kDnsTypeTxt);
}

int dns_cname(Bytes& out, const char* name, size_t n) {
  Bytes cur, next;
  if (!cur.copy(name, n)) return -1;
  int changed = 0;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    int r = lookup(next, cur.data(), cur.len(), kDnsTypeCname);
    if (r == -1) return -1;
    if (r == 0) {
      out.clear();
      if (!changed) case_lower(cur.data(), cur.len());
      return out.copy(cur) ? changed : -1;
    }
    cur.swap(next);
    changed = 1;
  }
  errno = EPROTO;
  return -1;
}
