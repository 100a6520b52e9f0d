// quote.cc: quote2.
#include "config.h"
#include "src/mail/quote.h"

#include <string.h>
#include "src/lib/bytes.h"
#include "src/lib/str.h"

bool quote_local_needed(const char* s, size_t n) {
  if (n == 0) return true;
  if (s[0] == '.' || s[n - 1] == '.') return true;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char) s[i];
    if (c >= 128 || c < 32 || c == 127 || c == ' ') return true;
    if (strchr("\"(),:;<>@[\\]", c) && c) return true;
    if (c == '.' && i + 1 < n && s[i + 1] == '.') return true;
  }
  return false;
}

bool quote_addr(Bytes& out, const char* addr, size_t n) {
  if (n == 0) return true;
  size_t at = byte_rchr(addr, n, '@');
  size_t ln = at;  // local part length (whole string without '@')
  if (!quote_local_needed(addr, ln)) return out.append(addr, n);
  if (!out.append_byte('"')) return false;
  for (size_t i = 0; i < ln; ++i) {
    char c = addr[i];
    if (c == '\r' || c == '\n' || c == '"' || c == '\\')
      if (!out.append_byte('\\')) return false;
    if (!out.append_byte(c)) return false;
  }
  if (!out.append_byte('"')) return false;
  return out.append(addr + at, n - at);
}
