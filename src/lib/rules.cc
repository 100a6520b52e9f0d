// rules.cc: the tcprules lookup order (see rules.h).
#include "config.h"
#include "src/lib/rules.h"

#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"

// Try the key now in key: 1 found (data read), 0 not there, -1 error.
static int try_key(Cdb& cdb, const Bytes& key, Bytes& data) {
  int r = cdb.find(key.data(), key.len());
  if (r != 1) return r;
  return cdb.read_data(data) ? 1 : -1;
}

// One step of the ladder: key = a + b + c, then look it up.
static int try3(Cdb& cdb, Bytes& key, Bytes& data, const char* a,
                const char* b, size_t bn, const char* c) {
  key.clear();
  if (!key.append(a) || !key.append(b, bn) || !key.append(c)) {
    errno = ENOMEM;
    return -1;
  }
  return try_key(cdb, key, data);
}

static int ladder(Cdb& cdb, const char* ip, const char* host,
                  const char* info, Bytes& key, Bytes& data) {
  size_t iplen = strlen(ip);
  int r;
  if (info) {
    if ((r = try3(cdb, key, data, info, "@", 1, ip)) != 0) return r;
    if (host && (r = try3(cdb, key, data, info, "@=", 2, host)) != 0)
      return r;
  }
  if ((r = try3(cdb, key, data, "", ip, iplen, "")) != 0) return r;
  if (host && (r = try3(cdb, key, data, "", "=", 1, host)) != 0) return r;
  // Network prefixes, longest first: an IPv4 address is cut after a dot,
  // an IPv6 address after a colon.
  for (size_t n = iplen; n > 0; --n) {
    if (ip[n - 1] != '.' && ip[n - 1] != ':') continue;
    if ((r = try3(cdb, key, data, "", ip, n, "")) != 0) return r;
  }
  if (host) {
    size_t hlen = strlen(host);
    for (size_t i = 0; i < hlen; ++i) {
      if (host[i] != '.') continue;
      if ((r = try3(cdb, key, data, "=", host + i, hlen - i, "")) != 0)
        return r;
    }
    if ((r = try3(cdb, key, data, "", "=", 1, "")) != 0) return r;
  }
  return try3(cdb, key, data, "", "", 0, "");
}

int rules_find(int fd, const char* ip, const char* host, const char* info,
               Bytes& key, Bytes& data) {
  Cdb cdb;
  if (!cdb.init(fd)) return -1;
  int r = ladder(cdb, ip, host, info, key, data);
  int e = errno;
  cdb.close();
  errno = e;
  return r;
}

bool rules_item(const Bytes& data, size_t* pos, const char** item,
                size_t* len) {
  if (*pos >= data.len()) return false;
  const char* s = data.data() + *pos;
  const void* z = memchr(s, 0, data.len() - *pos);
  if (!z) return false;
  *item = s;
  *len = (size_t) ((const char*) z - s);
  *pos += *len + 1;
  return true;
}

bool rules_setting(const char* item, size_t len, const char** name,
                   size_t* nlen, const char** value, size_t* vlen) {
  if (len == 0 || item[0] != '+') return false;
  const void* eq = memchr(item + 1, '=', len - 1);
  if (!eq) return false;
  *name = item + 1;
  *nlen = (size_t) ((const char*) eq - *name);
  *value = (const char*) eq + 1;
  *vlen = len - 2 - *nlen;
  return true;
}
