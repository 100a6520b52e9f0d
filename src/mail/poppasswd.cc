// poppasswd.cc: fields of the POP3 account file.
#include "config.h"
#include "src/mail/poppasswd.h"

#include "src/lib/bytes.h"
#include "src/lib/str.h"

// Split "password:account:home[:extra...]"; extras are ignored (plesk
// writes more fields than we use).
static bool split_rest(const char* s, size_t n, PwEntry* e) {
  PwField* f[3] = {&e->password, &e->account, &e->home};
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    if (pos > n) return false;
    size_t k = byte_chr(s + pos, n - pos, ':');
    if (i < 2 && pos + k == n) return false;
    f[i]->s = s + pos;
    f[i]->n = k;
    pos += k + 1;
  }
  return true;
}

bool pw_parse_line(const char* s, size_t n, PwEntry* e) {
  if (n && s[n - 1] == '\r') --n;
  if (n == 0 || s[0] == '#') return false;
  size_t k = byte_chr(s, n, ':');
  if (k == n) return false;
  e->login.s = s;
  e->login.n = k;
  return split_rest(s + k + 1, n - k - 1, e);
}

bool pw_parse_value(const char* s, size_t n, PwEntry* e) {
  e->login.s = "";
  e->login.n = 0;
  return split_rest(s, n, e);
}

bool pw_key(Bytes& out, const char* login, size_t n) {
  size_t at = byte_rchr(login, n, '@');
  size_t start = out.len();
  if (!out.append(login, n)) return false;
  if (at < n) case_lower(out.data() + start + at, n - at);
  return true;
}

bool pw_login_match(const char* a, size_t an, const char* b, size_t bn) {
  size_t aa = byte_rchr(a, an, '@');
  size_t ba = byte_rchr(b, bn, '@');
  if (aa != ba) return false;
  if (!byte_equal(a, b, aa)) return false;
  return case_equal(a + aa, an - aa, b + ba, bn - ba);
}
