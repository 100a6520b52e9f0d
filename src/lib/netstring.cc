// netstring.cc: netstring encoding and decoding.
#include "config.h"
#include "src/lib/netstring.h"

#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"

bool netstring_append(Bytes& out, const char* s, size_t n) {
  return out.append_ulong((unsigned long) n) && out.append_byte(':') &&
         out.append(s, n) && out.append_byte(',');
}

// Digits so far: rejects a second digit after a leading zero and values
// that would overflow.
static bool add_digit(size_t* len, int digits, char c) {
  if (digits == 1 && *len == 0) return false;
  size_t d = (size_t) (c - '0');
  if (*len > (((size_t) -1) - d) / 10) return false;
  *len = *len * 10 + d;
  return true;
}

int netstring_read(Input& in, Bytes& out, size_t max) {
  out.clear();
  size_t len = 0;
  int digits = 0;
  for (;;) {
    char c;
    int r = in.get_char(&c);
    if (r < 0) return -1;
    if (r == 0) {
      if (digits == 0) return 0;
      errno = EPROTO;
      return -1;
    }
    if (c == ':' && digits) break;
    if (c < '0' || c > '9' || !add_digit(&len, digits, c)) {
      errno = EPROTO;
      return -1;
    }
    ++digits;
  }
  if (len > max) {
    errno = E2BIG;
    return -1;
  }
  if (!out.reserve(len)) return -1;
  int r = in.get_exact(out.data(), len);
  if (r <= 0) {
    if (r == 0) errno = EPROTO;
    return -1;
  }
  out.set_len(len);
  char comma;
  r = in.get_char(&comma);
  if (r <= 0 || comma != ',') {
    if (r >= 0) errno = EPROTO;
    return -1;
  }
  return 1;
}

int netstring_parse(const char* s, size_t n, size_t* used, const char** data,
                    size_t* dlen) {
  size_t len = 0;
  size_t i = 0;
  for (;; ++i) {
    if (i == n) return 0;
    char c = s[i];
    if (c == ':' && i) break;
    if (c < '0' || c > '9' || !add_digit(&len, (int) i, c)) return -1;
  }
  ++i;
  if (len > n - i) return 0;
  if (len == n - i) return 0;
  if (s[i + len] != ',') return -1;
  *data = s + i;
  *dlen = len;
  *used = i + len + 1;
  return 1;
}

int netstring_read_len(Input& in, unsigned long max, unsigned long* len,
                       unsigned long* used) {
  size_t n = 0;
  int digits = 0;
  for (;;) {
    char c;
    int r = in.get_char(&c);
    if (r <= 0) return r;
    if (c == ':' && digits) break;
    if (c < '0' || c > '9' || !add_digit(&n, digits, c)) {
      errno = EPROTO;
      return -1;
    }
    ++digits;
    // Stop reading digits as soon as the value is too big, so a client
    // cannot keep us parsing forever.
    if (n > max) {
      errno = E2BIG;
      return -1;
    }
  }
  *len = (unsigned long) n;
  *used = (unsigned long) digits + 1;
  return 1;
}
