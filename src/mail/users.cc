// users.cc: users/cdb lookups (exact, then the longest wildcard prefix).
#include "config.h"
#include "src/mail/users.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/lib/fd.h"
#include "src/lib/str.h"

static int lookup(Cdb& c, const char* local, size_t n, Bytes& out) {
  Bytes key;
  if (!key.append_byte('!') || !key.append(local, n) || !key.append_byte(0))
    return -1;
  case_lower(key.data() + 1, n);
  int r = c.find(key.data(), key.len());
  if (r == -1) return -1;
  if (r == 1) return c.read_data(out) && out.append_byte(0) ? 1 : -1;
  // The empty key lists the last characters of all wildcard prefixes, so
  // only prefixes that can match are looked up.
  Bytes wild;
  r = c.find("", 0);
  if (r == -1) return -1;
  if (r == 1 && !c.read_data(wild)) return -1;
  for (size_t k = n + 1; k-- > 0;) {
    if (k && byte_chr(wild.data() ? wild.data() : "", wild.len(),
                      key.data()[k]) == wild.len())
      continue;
    r = c.find(key.data(), k + 1);
    if (r == -1) return -1;
    if (r == 1) {
      if (!c.read_data(out) || !out.append(local + k, n - k) ||
          !out.append_byte(0))
        return -1;
      return 1;
    }
  }
  return 0;
}

int users_lookup(const char* local, size_t n, Bytes& out) {
  out.clear();
  int fd = open_read("users/cdb");
  if (fd == -1) return errno == ENOENT ? 0 : -1;
  Cdb c;
  int r = c.init(fd) ? lookup(c, local, n, out) : -1;
  int e = errno;
  c.close();
  close(fd);
  errno = e;
  return r;
}

bool users_fields(const Bytes& rec, const char* fields[6]) {
  const char* s = rec.c_str();
  size_t n = rec.len();
  size_t pos = 0;
  for (int i = 0; i < 6; ++i) {
    if (pos >= n) return false;
    fields[i] = s + pos;
    size_t k = byte_chr(s + pos, n - pos, 0);
    if (k == n - pos) return false;
    pos += k + 1;
  }
  return true;
}
