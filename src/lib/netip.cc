// netip.cc: IPv4/IPv6 text forms; see net.h.
#include "src/lib/net.h"

#include <string.h>
#include "src/lib/fmt.h"

static const char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (char) 0xff,
                                 (char) 0xff};

bool ip_is_v4(const char ip[16]) { return memcmp(ip, kMapped, 12) == 0; }

void ip_from4(char ip[16], const char ip4[4]) {
  memcpy(ip, kMapped, 12);
  memcpy(ip + 12, ip4, 4);
}

bool ip_equal(const char a[16], const char b[16]) {
  return memcmp(a, b, 16) == 0;
}

// One decimal component: 1..3 digits plus any leading zeros ("007"),
// value at most 255.
static size_t scan_octet(const char* s, size_t n, unsigned int* v) {
  size_t i = 0;
  unsigned int u = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    u = u * 10 + (unsigned int) (s[i] - '0');
    if (u > 255) return 0;
    ++i;
  }
  *v = u;
  return i;
}

size_t ip4_scan(const char* s, size_t n, char ip[4]) {
  size_t pos = 0;
  char out[4];
  for (int k = 0; k < 4; ++k) {
    if (k) {
      if (pos >= n || s[pos] != '.') return 0;
      ++pos;
    }
    unsigned int v;
    size_t used = scan_octet(s + pos, n - pos, &v);
    if (!used) return 0;
    out[k] = (char) v;
    pos += used;
  }
  memcpy(ip, out, 4);
  return pos;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 4291 section 2.2: up to eight groups of 1-4 hex digits, one "::"
// standing for one or more zero groups, optionally a dotted IPv4 tail in
// place of the last two groups.
size_t ip6_scan(const char* s, size_t n, char ip[16]) {
  unsigned char out[16];
  int ngroups = 0;
  int gap = -1;  // group index where "::" stands
  size_t pos = 0;
  if (n >= 2 && s[0] == ':' && s[1] == ':') {
    gap = 0;
    pos = 2;
  } else if (n >= 1 && s[0] == ':') {
    return 0;
  }
  while (pos < n && ngroups < 8) {
    size_t start = pos;
    unsigned int v = 0;
    while (pos < n && pos - start < 5 && hexval(s[pos]) >= 0)
      v = v * 16 + (unsigned int) hexval(s[pos++]);
    if (pos == start) break;
    if (pos - start > 4) return 0;
    if (pos < n && s[pos] == '.') {
      char ip4[4];
      size_t used = ngroups <= 6 ? ip4_scan(s + start, n - start, ip4) : 0;
      if (!used) return 0;
      memcpy(out + 2 * ngroups, ip4, 4);
      ngroups += 2;
      pos = start + used;
      break;
    }
    out[2 * ngroups] = (unsigned char) (v >> 8);
    out[2 * ngroups + 1] = (unsigned char) v;
    ++ngroups;
    if (pos + 1 < n && s[pos] == ':' && s[pos + 1] == ':') {
      if (gap >= 0) return 0;
      gap = ngroups;
      pos += 2;
    } else if (pos + 1 < n && s[pos] == ':' && hexval(s[pos + 1]) >= 0) {
      ++pos;
    } else {
      break;
    }
  }
  if (gap < 0) {
    if (ngroups != 8) return 0;
  } else {
    if (ngroups > 7) return 0;
    int move = ngroups - gap;
    int zeros = 8 - ngroups;
    memmove(out + 2 * (gap + zeros), out + 2 * gap, 2 * move);
    memset(out + 2 * gap, 0, 2 * zeros);
  }
  memcpy(ip, out, 16);
  return pos;
}

size_t ip_scan(const char* s, size_t n, char ip[16]) {
  char ip4[4];
  size_t used = ip4_scan(s, n, ip4);
  // "1.2.3.4" is IPv4 only if nothing hex-like follows ("1.2.3.4" never
  // starts an IPv6 text, whose IPv4 tail needs colons before it).
  if (used) {
    ip_from4(ip, ip4);
    return used;
  }
  return ip6_scan(s, n, ip);
}

bool ip4_scan_all(const char* s, char ip[4]) {
  size_t n = strlen(s);
  return n && ip4_scan(s, n, ip) == n;
}

bool ip_scan_all(const char* s, char ip[16]) {
  size_t n = strlen(s);
  return n && ip_scan(s, n, ip) == n;
}

size_t ip4_fmt(char* s, const char ip[4]) {
  size_t len = 0;
  for (int k = 0; k < 4; ++k) {
    if (k) {
      if (s) s[len] = '.';
      ++len;
    }
    len += fmt_ulong(s ? s + len : 0, (unsigned char) ip[k]);
  }
  return len;
}

static size_t put(char* s, size_t len, const char* t, size_t n) {
  if (s) memcpy(s + len, t, n);
  return n;
}

size_t ip6_fmt(char* s, const char ip[16]) {
  if (ip_is_v4(ip)) {
    size_t len = put(s, 0, "::ffff:", 7);
    return len + ip4_fmt(s ? s + len : 0, ip + 12);
  }
  unsigned int g[8];
  for (int i = 0; i < 8; ++i)
    g[i] = ((unsigned int) (unsigned char) ip[2 * i] << 8) |
           (unsigned char) ip[2 * i + 1];
  // RFC 5952 4.2: the longest run of at least two zero groups, the first
  // one on a tie.
  int best = -1, bestlen = 1;
  for (int i = 0; i < 8;) {
    if (g[i]) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && !g[j]) ++j;
    if (j - i > bestlen) {
      best = i;
      bestlen = j - i;
    }
    i = j;
  }
  size_t len = 0;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      len += put(s, len, "::", 2);
      i += bestlen - 1;
      continue;
    }
    if (i && i != best + bestlen) len += put(s, len, ":", 1);
    len += fmt_xlong(s ? s + len : 0, g[i]);
  }
  return len;
}

size_t ip_fmt(char* s, const char ip[16]) {
  if (ip_is_v4(ip)) return ip4_fmt(s, ip + 12);
  return ip6_fmt(s, ip);
}
