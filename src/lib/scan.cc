// scan.cc: overflow-checked number scanning.
#include "config.h"
#include "src/lib/scan.h"

#include <string.h>

static int digit_value(char c, unsigned int base) {
  int v;
  if (c >= '0' && c <= '9')
    v = c - '0';
  else if (c >= 'a' && c <= 'f')
    v = c - 'a' + 10;
  else if (c >= 'A' && c <= 'F')
    v = c - 'A' + 10;
  else
    return -1;
  return v < (int) base ? v : -1;
}

static size_t scan_base(const char* s, size_t n, unsigned long* u,
                        unsigned int base) {
  const unsigned long max = (unsigned long) -1;
  unsigned long r = 0;
  size_t i = 0;
  for (; i < n; ++i) {
    int d = digit_value(s[i], base);
    if (d < 0) break;
    if (r > (max - (unsigned long) d) / base) return 0;
    r = r * base + (unsigned long) d;
  }
  if (i) *u = r;
  return i;
}

size_t scan_ulong(const char* s, size_t n, unsigned long* u) {
  return scan_base(s, n, u, 10);
}

size_t scan_ulong_cstr(const char* s, unsigned long* u) {
  return scan_base(s, strlen(s), u, 10);
}

size_t scan_uint_cstr(const char* s, unsigned int* u) {
  unsigned long v;
  size_t r = scan_ulong_cstr(s, &v);
  if (!r || v > (unsigned int) -1) return 0;
  *u = (unsigned int) v;
  return r;
}

size_t scan_xlong(const char* s, size_t n, unsigned long* u) {
  return scan_base(s, n, u, 16);
}

size_t scan_olong(const char* s, size_t n, unsigned long* u) {
  return scan_base(s, n, u, 8);
}

bool scan_ulong_all(const char* s, size_t n, unsigned long* u) {
  return n && scan_ulong(s, n, u) == n;
}
