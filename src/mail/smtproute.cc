// smtproute.cc: smtproutes lookup and relay parsing.
#include "config.h"
#include "src/mail/smtproute.h"

#include "src/lib/bytes.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/domainmap.h"

// The value of the first matching key, or 0.
static const char* lookup(const DomainMap& routes, const char* host,
                          size_t n, size_t* vlen) {
  for (size_t i = 0; i <= n; ++i) {
    if (i != 0 && i != n && host[i] != '.') continue;
    const char* v = routes.find(host + i, n - i, vlen);
    if (v) return v;
  }
  return 0;
}

int smtproute_find(const DomainMap& routes, const char* host, size_t n,
                   Bytes& relay, unsigned long* port) {
  size_t vlen = 0;
  const char* v = lookup(routes, host, n, &vlen);
  if (!v || vlen == 0) return 0;
  size_t hlen = byte_chr(v, vlen, ':');
  if (v[0] == '[') {
    size_t close = byte_chr(v, vlen, ']');
    if (close < vlen) hlen = close + 1;
  }
  if (hlen < vlen && v[hlen] == ':') {
    unsigned long p;
    if (scan_ulong(v + hlen + 1, vlen - hlen - 1, &p) && p <= 65535) *port = p;
  }
  if (!relay.copy(v, hlen)) return -1;
  return 1;
}
