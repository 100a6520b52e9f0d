// fmt.cc: decimal, hexadecimal and octal formatting.
#include "config.h"
#include "src/lib/fmt.h"

static size_t fmt_base(char* s, unsigned long u, unsigned int base,
                       unsigned int width) {
  static const char digits[] = "0123456789abcdef";
  size_t n = 1;
  unsigned long q = u;
  while (q >= base) {
    q /= base;
    ++n;
  }
  size_t total = n < width ? width : n;
  if (s) {
    size_t i = total;
    q = u;
    while (n--) {
      s[--i] = digits[q % base];
      q /= base;
    }
    while (i) s[--i] = '0';
  }
  return total;
}

size_t fmt_ulong(char* s, unsigned long u) { return fmt_base(s, u, 10, 0); }

size_t fmt_ulong0(char* s, unsigned long u, unsigned int width) {
  return fmt_base(s, u, 10, width);
}

size_t fmt_xlong(char* s, unsigned long u) { return fmt_base(s, u, 16, 0); }

size_t fmt_olong0(char* s, unsigned long u, unsigned int width) {
  return fmt_base(s, u, 8, width);
}
