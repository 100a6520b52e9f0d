// mxip.cc: MX and address lookups for qmail-remote.
#include "config.h"
#include "src/mail/mxip.h"

#include <stdlib.h>
#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/net.h"
#include "src/lib/str.h"

MxList::~MxList() { free(a_); }

bool MxList::add(const char ip[16], unsigned long pref) {
  if (n_ == cap_) {
    size_t cap = cap_ ? cap_ * 2 : 8;
    if (cap > ((size_t) -1) / sizeof(MxAddr) / 2) {
      errno = ENOMEM;
      return false;
    }
    MxAddr* a = (MxAddr*) realloc(a_, cap * sizeof(MxAddr));
    if (!a) {
      errno = ENOMEM;
      return false;
    }
    a_ = a;
    cap_ = cap;
  }
  memcpy(a_[n_].ip, ip, 16);
  a_[n_].pref = pref;
  ++n_;
  return true;
}

bool mx_literal(const char* s, size_t n, char ip[16]) {
  char ip4[4];
  if (n == 0) return false;
  if (s[0] != '[') {
    if (ip4_scan(s, n, ip4) != n) return false;
    ip_from4(ip, ip4);
    return true;
  }
  if (n < 3 || s[n - 1] != ']') return false;
  ++s;
  n -= 2;
  if (ip4_scan(s, n, ip4) == n) {
    ip_from4(ip, ip4);
    return true;
  }
  // RFC 5321 writes IPv6 literals with a tag; smtproutes may omit it.
  if (case_starts(s, n, "ipv6:")) {
    s += 5;
    n -= 5;
  }
  return n > 0 && ip6_scan(s, n, ip) == n;
}

// The addresses of one name, all with preference pref.
static int host_addrs(MxList& out, const char* name, size_t n,
                      unsigned long pref, bool v4only) {
  char ip[16];
  if (mx_literal(name, n, ip)) return out.add(ip, pref) ? kMxOk : kMxNomem;
  Bytes a;
  bool soft = false, found = false;
  if (!v4only) {
    int r = dns_ip6(a, name, n);
    if (r < 0 && errno == ENOMEM) return kMxNomem;
    if (r < 0) soft = true;
    for (size_t i = 0; r > 0 && i + 16 <= a.len(); i += 16) {
      if (!out.add(a.data() + i, pref)) return kMxNomem;
      found = true;
    }
  }
  int r = dns_ip4(a, name, n);
  if (r < 0 && errno == ENOMEM) return kMxNomem;
  if (r < 0) soft = true;
  for (size_t i = 0; r > 0 && i + 4 <= a.len(); i += 4) {
    ip_from4(ip, a.data() + i);
    if (!out.add(ip, pref)) return kMxNomem;
    found = true;
  }
  if (found) return kMxOk;
  return soft ? kMxSoft : kMxHard;
}

int mx_ip(MxList& out, const char* host, size_t n, bool v4only) {
  return host_addrs(out, host, n, 0, v4only);
}

struct MxRec {
  unsigned long pref;
  size_t name;  // offset of the NUL-terminated name in the dns_mx output
};

static unsigned long next_random(unsigned long* seed) {
  *seed = (*seed * 69069UL + 1) & 0xffffffffUL;
  return *seed >> 8;
}

// Sort by preference, then shuffle each run of equal preference.
static void order(MxRec* m, size_t k, unsigned long seed) {
  for (size_t i = 1; i < k; ++i)
    for (size_t j = i; j > 0 && m[j - 1].pref > m[j].pref; --j) {
      MxRec t = m[j];
      m[j] = m[j - 1];
      m[j - 1] = t;
    }
  for (size_t i = 0; i < k;) {
    size_t e = i + 1;
    while (e < k && m[e].pref == m[i].pref) ++e;
    for (size_t j = e - 1; j > i; --j) {
      size_t r = i + next_random(&seed) % (j - i + 1);
      MxRec t = m[j];
      m[j] = m[r];
      m[r] = t;
    }
    i = e;
  }
}

int mx_mxip(MxList& out, const char* host, size_t n, unsigned long seed,
            bool v4only) {
  char ip[16];
  if (mx_literal(host, n, ip)) return out.add(ip, 0) ? kMxOk : kMxNomem;
  Bytes mx;
  int r = dns_mx(mx, host, n);
  if (r < 0) return errno == ENOMEM ? kMxNomem : kMxSoft;
  size_t k = 0;
  for (size_t i = 0; r > 0 && i + 2 < mx.len(); i += 3 + strlen(mx.data() + i + 2))
    ++k;
  // No MX records (or no such name): the host's own addresses.
  if (k == 0) return host_addrs(out, host, n, 0, v4only);
  MxRec* m = (MxRec*) malloc(k * sizeof(MxRec));
  if (!m) return kMxNomem;
  k = 0;
  for (size_t i = 0; i + 2 < mx.len(); i += 3 + strlen(mx.data() + i + 2)) {
    m[k].pref = ((unsigned long) (unsigned char) mx.data()[i] << 8) |
                (unsigned char) mx.data()[i + 1];
    m[k].name = i + 2;
    ++k;
  }
  order(m, k, seed);
  int result = kMxOk;
  for (size_t i = 0; i < k; ++i) {
    const char* name = mx.data() + m[i].name;
    int h = host_addrs(out, name, strlen(name), m[i].pref, v4only);
    if (h == kMxNomem) {
      free(m);
      return kMxNomem;
    }
    // An exchanger without addresses is skipped; one that could not be
    // resolved for now is remembered.
    if (h == kMxSoft) result = kMxPartial;
  }
  free(m);
  return result;
}
