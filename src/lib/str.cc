// str.cc: byte, string and case helpers.
#include "config.h"
#include "src/lib/str.h"

#include <string.h>

size_t byte_chr(const char* s, size_t n, char c) {
  const void* p = n ? memchr(s, c, n) : 0;
  return p ? (size_t) ((const char*) p - s) : n;
}

size_t byte_rchr(const char* s, size_t n, char c) {
  size_t i = n;
  while (i--)
    if (s[i] == c) return i;
  return n;
}

bool byte_equal(const char* a, const char* b, size_t n) {
  return n == 0 || memcmp(a, b, n) == 0;
}

bool str_equal(const char* a, const char* b) { return strcmp(a, b) == 0; }

bool str_starts(const char* s, const char* prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

size_t str_len(const char* s) { return strlen(s); }

char case_lower_char(char c) {
  return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
}

void case_lower(char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) s[i] = case_lower_char(s[i]);
}

int case_diff(const char* a, size_t an, const char* b, size_t bn) {
  size_t n = an < bn ? an : bn;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = (unsigned char) case_lower_char(a[i]);
    unsigned char y = (unsigned char) case_lower_char(b[i]);
    if (x != y) return (int) x - (int) y;
  }
  if (an == bn) return 0;
  return an < bn ? -1 : 1;
}

bool case_equal(const char* a, size_t an, const char* b, size_t bn) {
  return an == bn && case_diff(a, an, b, bn) == 0;
}

bool case_equal_cstr(const char* a, const char* b) {
  return case_equal(a, strlen(a), b, strlen(b));
}

bool case_starts(const char* s, size_t n, const char* prefix) {
  size_t pn = strlen(prefix);
  return pn <= n && case_diff(s, pn, prefix, pn) == 0;
}

bool case_ends(const char* s, size_t n, const char* suffix, size_t sn) {
  return sn <= n && case_diff(s + n - sn, sn, suffix, sn) == 0;
}
