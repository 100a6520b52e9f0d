// sendfn.cc: qmail-send's pure decisions.
#include "config.h"
#include "src/mail/sendfn.h"

#include "src/lib/bytes.h"
#include "src/lib/str.h"
#include "src/mail/domainmap.h"

// The virtualdomains prepend for addr (domain at addr[at+1..]): the whole
// address, the domain, each dot-suffix, the empty key; an empty value
// stops the search.  Returns the value or 0.
static const char* vdom_find(const DomainMap* v, const char* a, size_t n,
                             size_t at, size_t* plen) {
  if (!v) return 0;
  const char* x = v->find(a, n, plen);
  if (x) return *plen ? x : 0;
  for (size_t j = at + 1; j <= n; ++j) {
    if (j != at + 1 && j != n && a[j] != '.') continue;
    x = v->find(a + j, n - j, plen);
    if (x) return *plen ? x : 0;
  }
  return 0;
}

int send_rewrite(Bytes& out, const char* addr, size_t n, const SendMaps* m) {
  Bytes a;
  if (!a.copy(addr, n)) return -1;
  size_t at = byte_rchr(a.data(), a.len(), '@');
  if (at == a.len()) {
    if (!a.append_byte('@') || !a.append(m->envnoathost)) return -1;
  }
  at = byte_rchr(a.c_str(), a.len(), '@');
  // user%host@relay -> user@host while relay allows it; repeatable.
  while (m->percenthack &&
         m->percenthack->contains(a.data() + at + 1, a.len() - at - 1)) {
    size_t p = byte_rchr(a.data(), at, '%');
    if (p == at) break;
    a.truncate(at);
    a.data()[p] = '@';
    at = p;
  }
  out.clear();
  if (m->locals && m->locals->contains(a.data() + at + 1, a.len() - at - 1))
    return out.copy(a) ? kChanLocal : -1;
  size_t plen;
  const char* pre = vdom_find(m->vdoms, a.data(), a.len(), at, &plen);
  if (pre) {
    if (!out.append(pre, plen) || !out.append_byte('-') || !out.append(a))
      return -1;
    return kChanLocal;
  }
  return out.copy(a) ? kChanRemote : -1;
}

unsigned long send_nextretry(unsigned long birth, unsigned long now,
                             int chan) {
  unsigned long c = chan == kChanLocal ? 10 : 20;
  unsigned long age = now > birth ? now - birth : 0;
  unsigned long n = 0;
  // Integer square root: largest n with n*n <= age.
  unsigned long lo = 0, hi = 1;
  while (hi * hi <= age && hi < 0x8000UL) hi *= 2;
  while (lo < hi) {
    unsigned long mid = (lo + hi + 1) / 2;
    if (mid * mid <= age) lo = mid;
    else hi = mid - 1;
  }
  n = lo;
  return birth + (n + c) * (n + c);
}

bool send_verp(Bytes& out, const char* s, size_t sn, const char* r,
               size_t rn) {
  out.clear();
  if (sn >= 4 && byte_equal(s + sn - 4, "-@[]", 4)) {
    size_t j = byte_rchr(s, sn - 4, '@');
    size_t k = byte_rchr(r, rn, '@');
    if (j < sn - 4 && k < rn) {
      return out.append(s, j) && out.append(r, k) && out.append_byte('=') &&
             out.append(r + k + 1, rn - k - 1) && out.append(s + j, sn - 4 - j);
    }
  }
  return out.append(s, sn);
}

size_t send_verp_trim(const char* s, size_t sn) {
  if (sn >= 4 && byte_equal(s + sn - 4, "-@[]", 4) &&
      byte_rchr(s, sn - 4, '@') < sn - 4)
    return sn - 4;
  return sn;
}

bool send_logsafe(Bytes& out, const char* s, size_t n) {
  if (!out.reserve(n)) return false;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char) s[i];
    if (c == '\n') c = '/';
    else if (c < 33 || c > 126 || c == '%') c = '_';
    out.append_byte((char) c);
  }
  return true;
}

bool send_bounce_para(Bytes& out, const char* recip, size_t rn,
                      const char* report, size_t n) {
  size_t start = out.len();
  if (!out.append_byte('<') || !out.append(recip, rn)) return false;
  for (size_t i = start; i < out.len(); ++i)
    if (out.data()[i] == '\n') out.data()[i] = '_';
  if (!out.append(">:\n") || !out.append(report, n)) return false;
  if (n && report[n - 1] != '\n' && !out.append_byte('\n')) return false;
  // An empty line would end the paragraph early: the second of two
  // adjacent newlines becomes '/'.
  char* p = out.data();
  for (size_t i = out.len() - 2; i > start; --i)
    if (p[i] == '\n' && p[i - 1] == '\n') p[i] = '/';
  return out.append_byte('\n');
}

size_t send_vdom_prefix(const char* r, size_t n, const DomainMap* v) {
  if (!v) return 0;
  size_t at = byte_rchr(r, n, '@');
  if (at == n) return 0;
  const char* d = r + at + 1;
  size_t dn = n - at - 1;
  for (size_t i = 0; i <= dn; ++i) {
    if (i != 0 && i != dn && d[i] != '.') continue;
    size_t plen;
    const char* pre = v->find(d + i, dn - i, &plen);
    if (!pre) continue;
    if (!plen || plen >= n || !byte_equal(r, pre, plen) || r[plen] != '-')
      return 0;
    return plen + 1;
  }
  return 0;
}
