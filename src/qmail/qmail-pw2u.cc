// qmail-pw2u: turn a V7 passwd file into a users/assign file.
//
// Usage: qmail-pw2u [ -/ohHuUC ] [ -cchar ].  Reads
// "user:password:uid:gid:gecos:home:shell" lines on fd 0 and prints
// qmail-users(5) lines on fd 1 for qmail-newu: for each kept user (or
// each of its users/mailnames) "=name:user:uid:gid:home:::" and, unless
// -C, "+nameBREAK:user:uid:gid:home:-::"; then users/subusers lines,
// users/append lines, the catch-all "+:alias:uid:gid:home:-::" and ".".
// A user is skipped when its uid is 0, when (-U, default) its name has an
// upper-case letter, when users/include exists without it or
// users/exclude lists it, and (-o, default) when its home is missing or
// not owned by it; -h stops instead on a missing home, -H checks no
// home.  -u allows upper case, -cchar sets BREAK, -C drops the extension
// lines, -/ writes the dash as "-/" (.qmail-/ext files).
// Exit 0; 100 usage or a line that is not a passwd entry; 111 read,
// write, control, stat trouble or no alias account in the input.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

enum { kHomeNone, kHomeStop, kHomeSkip };

static void die(const char* a, const char* b = 0, const char* c = 0) {
  msg_fatal(a, b, c);
  _exit(111);
}
static void die_nomem() { die("out of memory"); }
static void die_write() { die("unable to write output"); }
static void die_control(const char* fn) { die("unable to read controls: ", fn); }

static char outbuf[4096];
static Output out(1, outbuf, sizeof outbuf);

static void put(const char* s, size_t n) {
  if (!out.put(s, n)) die_write();
}
static void puts_(const char* s) { put(s, str_len(s)); }
static void putnum(unsigned long u) {
  if (!out.put_ulong(u)) die_write();
}

// A kept account; fields point into its own line.
struct Account {
  const char* user;
  size_t user_len;
  unsigned long uid;
  unsigned long gid;
  const char* home;
  size_t home_len;
};

static const char* dash = "-";
static char brkc = '-';  // 0 with -C

// ":user:uid:gid:home:"
static void put_target(const Account& a) {
  put(":", 1);
  put(a.user, a.user_len);
  put(":", 1);
  putnum(a.uid);
  put(":", 1);
  putnum(a.gid);
  put(":", 1);
  put(a.home, a.home_len);
  put(":", 1);
}

// The exact and wildcard lines giving name (with ext prefix pre, 0 for
// the plain account) to a.
static void put_name(const char* name, size_t n, const Account& a,
                     const char* pre, size_t pn) {
  put("=", 1);
  put(name, n);
  put_target(a);
  if (pre) {
    puts_(dash);
    put(":", 1);
    put(pre, pn);
  } else {
    put(":", 1);
  }
  put(":\n", 2);
  if (!brkc) return;
  put("+", 1);
  put(name, n);
  put(&brkc, 1);
  put_target(a);
  puts_(dash);
  put(":", 1);
  if (pre) {
    put(pre, pn);
    put("-", 1);
  }
  put(":\n", 2);
}

static bool in_list(const Bytes& list, const char* s, size_t n) {
  size_t pos = 0;
  const char* e;
  size_t en;
  while (list_next(list, &pos, &e, &en))
    if (en == n && byte_equal(e, s, n)) return true;
  return false;
}

// The users/mailnames entry of user ("user:name1:..."), or 0.
static const char* find_names(const Bytes& list, const char* s, size_t n,
                              size_t* len) {
  size_t pos = 0;
  const char* e;
  size_t en;
  while (list_next(list, &pos, &e, &en))
    if (en > n && e[n] == ':' && byte_equal(e, s, n)) {
      *len = en - n - 1;
      return e + n + 1;
    }
  return 0;
}

static void bad_line(const Bytes& line) {
  Bytes clean;
  if (!msg_clean(clean, line.data(), line.len())) die_nomem();
  msg_fatal("unable to parse this line: ", clean.c_str());
  _exit(100);
}

static bool parse_num(const char* s, size_t n, unsigned long* u) {
  return n > 0 && n < 20 && scan_ulong(s, n, u) == n;
}

static void read_control(Bytes& b, const char* fn, bool* exists) {
  int r = control_read_list(b, fn);
  if (r == -1) die_control(fn);
  if (exists) *exists = r == 1;
}

int main(int argc, char** argv) {
  msg_init("qmail-pw2u");
  int homes = kHomeSkip;
  bool noupper = true;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "/ohHuUc:C")) != -1) {
    switch (c) {
      case '/': dash = "-/"; break;
      case 'o': homes = kHomeSkip; break;
      case 'h': homes = kHomeStop; break;
      case 'H': homes = kHomeNone; break;
      case 'u': noupper = false; break;
      case 'U': noupper = true; break;
      case 'c': brkc = st.arg[0]; break;
      case 'C': brkc = 0; break;
      default: msg_usage("qmail-pw2u [ -/ohHuUC ] [ -cchar ]"); _exit(100);
    }
  }
  if (!qm_chdir_home()) die("unable to chdir to ", qm_home());
  Bytes include, exclude, mailnames, subusers, append;
  bool has_include, has_exclude;
  read_control(include, "users/include", &has_include);
  read_control(exclude, "users/exclude", &has_exclude);
  read_control(mailnames, "users/mailnames", 0);
  read_control(subusers, "users/subusers", 0);
  read_control(append, "users/append", 0);

  const char* alias_name = qm_user_name(kUserAlias);
  size_t alias_len = str_len(alias_name);
  Bytes alias_line;  // the alias account's passwd line, once seen
  Account alias = {0, 0, 0, 0, 0, 0};
  bool have_alias = false;
  Bytes kept;  // accepted passwd lines, NUL-separated, for subusers

  char inbuf[4096];
  Input in(0, inbuf, sizeof inbuf);
  Bytes line;
  for (;;) {
    int r = in.get_line(line, '\n');
    if (r == -1) die("unable to read input");
    if (r == 0 && line.empty()) break;
    if (r == 1) line.truncate(line.len() - 1);
    if (line.empty()) continue;
    if (line.has_nul()) bad_line(line);
    // Split at the first six colons.
    const char* s = line.data();
    size_t n = line.len();
    size_t f[7];
    size_t fl[7];
    size_t pos = 0;
    for (int i = 0; i < 6; ++i) {
      size_t k = byte_chr(s + pos, n - pos, ':');
      if (k == n - pos) bad_line(line);
      f[i] = pos;
      fl[i] = k;
      pos += k + 1;
    }
    Account a;
    a.user = s + f[0];
    a.user_len = fl[0];
    a.home = s + f[5];
    a.home_len = fl[5];
    if (!a.user_len || !parse_num(s + f[2], fl[2], &a.uid) ||
        !parse_num(s + f[3], fl[3], &a.gid))
      bad_line(line);
    bool is_alias = a.user_len == alias_len &&
                    byte_equal(a.user, alias_name, alias_len);
    if (is_alias && !have_alias) {
      if (!alias_line.copy(line)) die_nomem();
      alias = a;
      alias.user = alias_line.data() + f[0];
      alias.home = alias_line.data() + f[5];
      have_alias = true;
    }
    if (a.uid == 0) continue;
    if (noupper) {
      bool upper = false;
      for (size_t i = 0; i < a.user_len; ++i)
        if (a.user[i] >= 'A' && a.user[i] <= 'Z') upper = true;
      if (upper) continue;
    }
    if (has_include && !in_list(include, a.user, a.user_len)) continue;
    if (has_exclude && in_list(exclude, a.user, a.user_len)) continue;
    if (homes != kHomeNone) {
      Bytes home;
      if (!home.copy(a.home, a.home_len)) die_nomem();
      struct stat sb;
      if (stat(home.c_str(), &sb) == -1) {
        if (homes == kHomeSkip && (errno == ENOENT || errno == ENOTDIR))
          continue;
        msg_fatal_sys("unable to stat ", home.c_str());
        _exit(111);
      }
      if ((unsigned long) sb.st_uid != a.uid) continue;
    }
    size_t nl;
    const char* names = find_names(mailnames, a.user, a.user_len, &nl);
    if (names) {
      size_t p = 0;
      while (p <= nl) {
        size_t k = byte_chr(names + p, nl - p, ':');
        if (k) put_name(names + p, k, a, 0, 0);
        p += k + 1;
      }
    } else {
      put_name(a.user, a.user_len, a, 0, 0);
    }
    if (!kept.append(line) || !kept.append_byte(0)) die_nomem();
  }

  // users/subusers: "sub:user:pre:", for accounts kept above.
  size_t lp = 0;
  const char* e;
  size_t en;
  while (list_next(subusers, &lp, &e, &en)) {
    size_t k1 = byte_chr(e, en, ':');
    if (k1 == en) die("unable to parse users/subusers");
    size_t k2 = byte_chr(e + k1 + 1, en - k1 - 1, ':');
    if (k2 == en - k1 - 1) die("unable to parse users/subusers");
    const char* u = e + k1 + 1;
    const char* pre = u + k2 + 1;
    size_t pn = byte_chr(pre, e + en - pre, ':');
    size_t kp = 0;
    const char* kl;
    size_t kn;
    while (list_next(kept, &kp, &kl, &kn)) {
      if (kn <= k2 || kl[k2] != ':' || !byte_equal(kl, u, k2)) continue;
      // Fields of a kept line parsed once already: re-split.
      Account a;
      a.user = kl;
      a.user_len = k2;
      size_t pos = 0;
      size_t f[6], fl[6];
      for (int i = 0; i < 6; ++i) {
        size_t k = byte_chr(kl + pos, kn - pos, ':');
        f[i] = pos;
        fl[i] = k;
        pos += k + 1;
      }
      parse_num(kl + f[2], fl[2], &a.uid);
      parse_num(kl + f[3], fl[3], &a.gid);
      a.home = kl + f[5];
      a.home_len = fl[5];
      put_name(e, k1, a, pre, pn);
      break;
    }
  }

  lp = 0;
  while (list_next(append, &lp, &e, &en)) {
    put(e, en);
    put("\n", 1);
  }
  if (!have_alias) die("unable to find ", alias_name, " user");
  put("+", 1);
  put_target(alias);
  puts_(dash);
  put("::\n.\n", 5);
  if (!out.flush()) die_write();
  _exit(0);
}
