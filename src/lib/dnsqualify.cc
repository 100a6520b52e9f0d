// dnsqualify.cc: host names as users type them (dns.h, dns_qualified).
//
// The rules of ucspi-tcp 0.88's resolver (djbdns qualification, without
// /etc/dnsrewrite): a name ending in a dot is taken as it is, dot
// removed; a name with a dot inside is looked up as it is; a name without
// any dot is tried in every domain of the search list in turn.  The search
// list is $LOCALDOMAIN (words separated by blanks), else the last
// "search" or "domain" line of /etc/resolv.conf, else the domain part of
// this host's name; with none the name is looked up as it is.
#include "config.h"
#include "src/lib/dns.h"

#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/env.h"

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static bool keyword(const char* line, size_t n, const char* k) {
  size_t kn = strlen(k);
  return n > kn && memcmp(line, k, kn) == 0 && blank(line[kn]);
}

bool dns_search_from_resolvconf(Bytes& out, const char* text, size_t n) {
  out.clear();
  size_t i = 0;
  while (i < n) {
    const char* line = text + i;
    const char* nl = (const char*) memchr(line, '\n', n - i);
    size_t len = nl ? (size_t) (nl - line) : n - i;
    size_t skip = 0;
    if (keyword(line, len, "search")) skip = 6;
    else if (keyword(line, len, "domain")) skip = 6;
    if (skip) {
      out.clear();
      if (!out.append(line + skip, len - skip)) return false;
    }
    i += len + 1;
  }
  return true;
}

bool dns_candidates(Bytes& out, const char* name, size_t n,
                    const char* search, size_t sn) {
  out.clear();
  if (n && name[n - 1] == '.')
    return out.append(name, n - 1) && out.append_byte(0);
  if (memchr(name, '.', n)) return out.append(name, n) && out.append_byte(0);
  size_t i = 0;
  while (i < sn) {
    while (i < sn && (blank(search[i]) || search[i] == '\n')) ++i;
    size_t j = i;
    while (j < sn && !blank(search[j]) && search[j] != '\n') ++j;
    size_t k = j;
    while (k > i && search[k - 1] == '.') --k;  // "example.com." too
    if (k > i) {
      if (!out.append(name, n) || !out.append_byte('.') ||
          !out.append(search + i, k - i) || !out.append_byte(0))
        return false;
    }
    i = j;
  }
  if (out.empty()) return out.append(name, n) && out.append_byte(0);
  return true;
}

// The search list: $LOCALDOMAIN, resolv.conf, or this host's domain.
static bool search_list(Bytes& out) {
  out.clear();
  const char* env = env_get("LOCALDOMAIN");
  if (env) return out.append(env);
  Bytes rc;
  if (file_read_all(rc, "/etc/resolv.conf") == -1) return false;
  if (!dns_search_from_resolvconf(out, rc.data(), rc.len())) return false;
  if (!out.empty()) return true;
  char host[256];
  if (gethostname(host, sizeof host - 1) == -1) return true;
  host[sizeof host - 1] = 0;
  const char* dot = strchr(host, '.');
  if (dot && dot[1]) return out.append(dot + 1);
  return true;
}

int dns_qualified(Bytes& out, Bytes& fqdn, DnsLookup lookup, const char* name,
                  size_t n) {
  out.clear();
  Bytes search, names;
  // The search list is only read for names without a dot.
  if (!memchr(name, '.', n) && !search_list(search)) return -1;
  if (!dns_candidates(names, name, n, search.data(), search.len())) {
    errno = ENOMEM;
    return -1;
  }
  bool temp = false;
  int err = 0;
  for (size_t i = 0; i < names.len();) {
    const char* c = names.data() + i;
    size_t cn = strlen(c);
    int r = lookup(out, c, cn);
    if (r == 1 && !out.empty()) {
      if (!fqdn.copy(c, cn)) {
        errno = ENOMEM;
        return -1;
      }
      return 1;
    }
    if (r == -1) {
      temp = true;
      err = errno;
    }
    i += cn + 1;
  }
  out.clear();
  if (temp) errno = err;
  return temp ? -1 : 0;
}
