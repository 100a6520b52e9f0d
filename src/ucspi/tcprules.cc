// tcprules: compile tcpserver access rules into a cdb.
//
// Usage: tcprules rules.cdb rules.tmp   (rule lines on stdin)
// Run by the administrator, under any uid.  Reads rule lines
// (ADDRESS:allow|deny[,NAME=qVALUEq]...; see tcprules(1)), writes the
// database to rules.tmp, fsyncs and closes it, then renames it over
// rules.cdb, so readers see the old file or the new one, never half of
// one.  On any error the old rules.cdb stays untouched.  Trusts its
// input only as far as the syntax goes.  Exit codes: 0 done, 100 usage
// or a line that does not parse, 111 system errors.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include "compat/errno_compat.h"
#include "compat/sync.h"
#include "src/lib/bytes.h"
#include "src/lib/cdbmake.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/net.h"
#include "src/lib/str.h"

static const char* g_tmp;

static void die_usage() {
  msg_usage("tcprules rules.cdb rules.tmp");
  _exit(100);
}
static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}
static void die_create() {
  msg_fatal_sys("unable to create ", g_tmp);
  _exit(111);
}
static void die_read() {
  msg_fatal_sys("unable to read input");
  _exit(111);
}
static void die_write() {
  msg_fatal_sys("unable to write to ", g_tmp);
  _exit(111);
}
static void die_move(const char* target) {
  msg_fatal_sys("unable to move ", g_tmp, " to ", target);
  _exit(111);
}
// The line goes out as written: it is the administrator's own text.
static void die_parse(const Bytes& line) {
  msg_fatal("unable to parse this line: ", line.c_str());
  _exit(100);
}

static bool starts(const char* s, size_t n, const char* word) {
  size_t k = strlen(word);
  return n >= k && memcmp(s, word, k) == 0;
}

// True if s[0..n) begins with allow or deny followed by the end or ','.
static bool is_verb(const char* s, size_t n) {
  size_t k;
  if (starts(s, n, "allow"))
    k = 5;
  else if (starts(s, n, "deny"))
    k = 4;
  else
    return false;
  return n == k || s[k] == ',';
}

// Where the address ends.  0.88 splits at the first colon; IPv6
// addresses contain colons, so we take the first colon that is followed
// by a well-formed verb, and fall back to the first colon (every line
// that 0.88 accepts splits the same way).  Returns n if there is none.
static size_t split_colon(const char* s, size_t n) {
  size_t first = byte_chr(s, n, ':');
  for (size_t i = first; i < n; ++i)
    if (s[i] == ':' && is_verb(s + i + 1, n - i - 1)) return i;
  return first;
}

// Encode the instructions: "D\0" for deny, "+NAME=VALUE\0" per setting.
// Returns false when they do not parse.
static bool encode(const char* s, size_t n, Bytes& data) {
  data.clear();
  if (starts(s, n, "allow")) {
    s += 5;
    n -= 5;
  } else if (starts(s, n, "deny")) {
    if (!data.append("D", 2)) die_nomem();
    s += 4;
    n -= 4;
  } else {
    return false;
  }
  while (n) {
    if (*s != ',') return false;
    ++s;
    --n;
    // NAME runs to the next '='; the byte after it is the quote, and the
    // value runs to the next copy of that byte.
    size_t eq = byte_chr(s, n, '=');
    if (eq == n || eq + 1 == n) return false;
    char quote = s[eq + 1];
    const char* v = s + eq + 2;
    size_t vn = n - eq - 2;
    size_t end = byte_chr(v, vn, quote);
    if (end == vn) return false;
    if (!data.append("+", 1) || !data.append(s, eq) ||
        !data.append("=", 1) || !data.append(v, end) ||
        !data.append("", 1))
      die_nomem();
    n -= (size_t) (v + end + 1 - s);
    s = v + end + 1;
  }
  return true;
}

static void add(CdbMake& cdb, const char* key, size_t klen,
                const Bytes& data) {
  if (!cdb.add(key, klen, data.data(), data.len())) {
    if (errno == ENOMEM) die_nomem();
    die_write();
  }
}

static bool all_digits(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Digits to a number, saturating (only the comparison with 255 matters).
static unsigned long digits_value(const char* s, size_t n) {
  unsigned long u = 0;
  for (size_t i = 0; i < n && u < 100000; ++i) u = u * 10 + (s[i] - '0');
  return u;
}

// An address with a '-' (and no '=' or '@') is a range of one component:
// 1.2.3.37-53 or 10.2-3. gives one record per number.  Returns false when
// the two sides are not decimal numbers.
static bool add_range(CdbMake& cdb, const char* a, size_t n, size_t dash,
                      const Bytes& data) {
  size_t lo = dash;
  while (lo > 0 && a[lo - 1] != '.') --lo;
  size_t hi = dash + 1 + byte_chr(a + dash + 1, n - dash - 1, '.');
  if (!all_digits(a + lo, dash - lo)) return false;
  if (!all_digits(a + dash + 1, hi - dash - 1)) return false;
  unsigned long left = digits_value(a + lo, dash - lo);
  unsigned long right = digits_value(a + dash + 1, hi - dash - 1);
  if (right > 255) right = 255;
  Bytes key;
  for (unsigned long i = left; i <= right; ++i) {
    char num[kFmtUlong];
    key.clear();
    if (!key.append(a, lo) || !key.append(num, fmt_ulong(num, i)) ||
        !key.append(a + hi, n - hi))
      die_nomem();
    add(cdb, key.data(), key.len(), data);
  }
  return true;
}

// IPv6 addresses (our extension) are stored the way tcpserver prints
// them: a full address, alone or after "user@", in the compressed
// lowercase form; a prefix such as 2001:DB8: just in lowercase.
static void canonical_ipv6(const char* a, size_t n, Bytes& key) {
  size_t at = byte_rchr(a, n, '@');
  size_t ip = at < n ? at + 1 : 0;
  if (!key.copy(a, ip)) die_nomem();
  Bytes text;
  if (!text.copy(a + ip, n - ip)) die_nomem();
  char bin[16];
  char out[kIpFmt];
  if (ip6_scan(text.data(), text.len(), bin) == text.len() && !text.empty()) {
    if (!key.append(out, ip6_fmt(out, bin))) die_nomem();
    return;
  }
  case_lower(text.data(), text.len());
  if (!key.append(text)) die_nomem();
}

static void do_line(CdbMake& cdb, Bytes& line, Bytes& data) {
  // Trailing blanks and the LF go; a CR stays (and fails to parse).
  size_t n = line.len();
  while (n > 0) {
    char c = line.data()[n - 1];
    if (c != '\n' && c != ' ' && c != '\t') break;
    --n;
  }
  line.truncate(n);
  if (n == 0 || line.data()[0] == '#') return;
  const char* s = line.data();
  size_t colon = split_colon(s, n);
  if (colon == n) return;
  if (!encode(s + colon + 1, n - colon - 1, data)) die_parse(line);
  if (byte_chr(s, colon, ':') < colon && byte_chr(s, colon, '=') == colon) {
    Bytes key;
    canonical_ipv6(s, colon, key);
    add(cdb, key.data(), key.len(), data);
    return;
  }
  if (byte_chr(s, colon, '=') == colon && byte_chr(s, colon, '@') == colon) {
    size_t dash = byte_chr(s, colon, '-');
    if (dash < colon) {
      if (!add_range(cdb, s, colon, dash, data)) die_parse(line);
      return;
    }
  }
  add(cdb, s, colon, data);
}

int main(int argc, char** argv) {
  msg_init("tcprules");
  if (argc < 3) die_usage();
  const char* target = argv[1];
  g_tmp = argv[2];

  int fd = open_trunc(g_tmp, 0644);
  if (fd == -1) die_create();
  CdbMake cdb;
  if (!cdb.start(fd)) die_write();

  char buf[8192];
  Input in(0, buf, sizeof buf);
  Bytes line;
  Bytes data;
  for (;;) {
    int r = in.get_line(line, '\n');
    if (r == -1) die_read();
    if (r == 0 && line.empty()) break;
    do_line(cdb, line, data);
    if (r == 0) break;
  }

  if (!cdb.finish()) die_write();
  if (!qm_fsync(fd)) die_write();
  if (close(fd) == -1) die_write();
  if (rename(g_tmp, target) == -1) die_move(target);
  return 0;
}
