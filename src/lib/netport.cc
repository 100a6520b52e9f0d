// netport.cc: port numbers and TCP service names (net.h).
//
// Service names come from /etc/services, read here rather than through
// getservbyname(3): the result is the same for every system whose
// services live in that file, and the programs that take port names
// (tcpserver, tcpclient) then need nothing of the C library's name
// service switch, so they can be linked statically and start fast.
#include "config.h"
#include "src/lib/net.h"

#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/scan.h"

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The next blank-separated word of [*p, end) (stops at '#'); false at
// the end of the line's words.
static bool word(const char** p, const char* end, const char** w,
                 size_t* len) {
  const char* s = *p;
  while (s < end && is_space(*s)) ++s;
  if (s == end || *s == '#') return false;
  const char* e = s;
  while (e < end && !is_space(*e) && *e != '#') ++e;
  *w = s;
  *len = (size_t) (e - s);
  *p = e;
  return true;
}

static bool word_is(const char* w, size_t len, const char* s) {
  return strlen(s) == len && memcmp(w, s, len) == 0;
}

// One line "name port/proto [alias ...]" checked against name and proto.
static bool line_matches(const char* p, const char* end, const char* name,
                         const char* proto, unsigned int* port) {
  const char* w;
  size_t len;
  const char* nm;
  size_t nmlen;
  if (!word(&p, end, &nm, &nmlen)) return false;
  if (!word(&p, end, &w, &len)) return false;
  size_t slash = 0;
  while (slash < len && w[slash] != '/') ++slash;
  unsigned long u;
  if (slash == len || !scan_ulong_all(w, slash, &u) || u > 65535)
    return false;
  if (!word_is(w + slash + 1, len - slash - 1, proto)) return false;
  bool found = word_is(nm, nmlen, name);
  while (!found && word(&p, end, &w, &len)) found = word_is(w, len, name);
  if (found) *port = (unsigned int) u;
  return found;
}

bool net_services_find(const char* text, size_t n, const char* name,
                       const char* proto, unsigned int* port) {
  const char* end = text + n;
  const char* p = text;
  while (p < end) {
    const char* nl = (const char*) memchr(p, '\n', (size_t) (end - p));
    const char* eol = nl ? nl : end;
    if (line_matches(p, eol, name, proto, port)) return true;
    p = nl ? nl + 1 : end;
  }
  return false;
}

bool net_port_scan(const char* s, unsigned int* port) {
  unsigned long u;
  if (*s && scan_ulong_all(s, strlen(s), &u)) {
    if (u > 65535) {
      errno = EINVAL;
      return false;
    }
    *port = (unsigned int) u;
    return true;
  }
  if (!*s) {
    errno = ENOENT;
    return false;
  }
  Bytes text;
  int r = file_read_all(text, "/etc/services");
  if (r == -1) return false;
  if (r == 1 && net_services_find(text.data(), text.len(), s, "tcp", port))
    return true;
  errno = ENOENT;
  return false;
}
