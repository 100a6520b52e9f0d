// qmail-checkpw: a checkpassword-compatible login checker.
//
// Started by qmail-popup (or qmail-smtpd's AUTH) as
// "qmail-checkpw prog [arg ...]", usually as root.  Reads "login\0secret\0
// timestamp\0" (at most 512 bytes) from fd 3 and looks the login up in a
// poppasswd-style text file, the cdb qmail-newpw makes from it, or the
// system accounts (CHECKPW_SYSTEM, CHECKPW_CDB, CHECKPW_FILE select one).
// Clear secrets also accept APOP and CRAM-MD5 digests of the timestamp.
// On success it sets USER, HOME and SHELL, changes to the home directory,
// takes the account's gid and uid (when root) and execs prog.  Never logs
// a secret, never writes to fd 0 or 1, never logs in as uid 0.
// Exit 1: login refused (after CHECKPW_FAILDELAY seconds, default 2);
// 2: bad input or usage; 111: temporary or configuration trouble.
#include "config.h"

#include <sys/types.h>
#include <pwd.h>
#include <unistd.h>
#ifdef HAVE_CRYPT_H
#include <crypt.h>
#endif
#ifdef HAVE_SHADOW_H
#include <shadow.h>
#endif
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/lib/control.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/md5.h"
#include "src/lib/msg.h"
#include "src/lib/prot.h"
#include "src/lib/scan.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/poppasswd.h"

enum { kInputMax = 512, kDefaultDelay = 2, kMaxDelay = 60 };

static char g_input[kInputMax + 1];
static size_t g_input_len;
static const char* g_login;

static void wipe() { md5_wipe(g_input, sizeof g_input); }

static void die_temp(const char* what) {
  wipe();
  msg_fatal_sys(what);
  _exit(111);
}
static void die_temp_text(const char* what) {
  wipe();
  msg_fatal(what);
  _exit(111);
}
static void die_usage() {
  wipe();
  _exit(2);
}

// A refused login: wait, so that guessing is slow, then log the login
// name (cleaned; never the secret) and exit 1.
static void die_refused() {
  Bytes clean;
  bool named = g_login && msg_clean(clean, g_login, str_len(g_login));
  wipe();
  unsigned long delay = kDefaultDelay;
  const char* d = env_get("CHECKPW_FAILDELAY");
  if (d && !scan_ulong_all(d, str_len(d), &delay)) delay = kDefaultDelay;
  if (delay > kMaxDelay) delay = kMaxDelay;
  if (delay) sleep((unsigned int) delay);
  if (named)
    msg_line(0, "login failed for ", clean.c_str());
  else
    msg_line(0, "login failed");
  _exit(1);
}

// The account a login maps to.
struct Account {
  Bytes hash;      // crypt(3) hash, or the clear secret when clear
  bool clear;
  int uid;
  int gid;
  Bytes home;
  Bytes shell;
  Bytes name;      // USER
};

static void read_input() {
  long r = read_full(3, g_input, kInputMax + 1);
  if (r == -1) die_temp("unable to read fd 3");
  close(3);
  if (r > kInputMax) die_refused();
  g_input_len = (size_t) r;
}

// Split the fd 3 data into its three NUL-terminated strings.
static void split_input(const char** login, const char** secret,
                        const char** stamp) {
  const char* p[3];
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    size_t k = byte_chr(g_input + pos, g_input_len - pos, 0);
    if (pos + k == g_input_len) die_usage();
    p[i] = g_input + pos;
    pos += k + 1;
  }
  *login = p[0];
  *secret = p[1];
  *stamp = p[2];
}

static bool field_copy(Bytes& out, const PwField& f) {
  return out.copy(f.s, f.n);
}

// Fill a from the password and account fields of an entry.
static void use_entry(Account* a, const PwEntry& e, const char* login) {
  const PwField& pw = e.password;
  a->clear = false;
  if (pw.n == 0 || pw.s[0] == '*' || pw.s[0] == '!') die_refused();
  if (case_starts(pw.s, pw.n, "{PLAIN}") || case_starts(pw.s, pw.n, "{CLEAR}")) {
    a->clear = true;
    if (!a->hash.copy(pw.s + 7, pw.n - 7)) die_temp("out of memory");
  } else if (case_starts(pw.s, pw.n, "{CRYPT}")) {
    if (!a->hash.copy(pw.s + 7, pw.n - 7)) die_temp("out of memory");
  } else if (!field_copy(a->hash, pw)) {
    die_temp("out of memory");
  }
  if (!a->name.copy(login) || !field_copy(a->home, e.home))
    die_temp("out of memory");
  if (a->home.data()[0] != '/') die_temp_text("home directory is not absolute");
  Bytes acct;
  if (!field_copy(acct, e.account)) die_temp("out of memory");
  unsigned long uid;
  struct passwd* p;
  if (scan_ulong_all(acct.data(), acct.len(), &uid)) {
    p = getpwuid((uid_t) uid);
    a->uid = (int) uid;
    a->gid = p ? (int) p->pw_gid : (int) uid;
    if (!a->shell.copy(p ? p->pw_shell : "/bin/sh")) die_temp("out of memory");
  } else {
    errno = 0;
    p = getpwnam(acct.c_str());
    if (!p) {
      if (errno) die_temp("unable to look up account");
      die_temp_text("unknown account in password database");
    }
    a->uid = (int) p->pw_uid;
    a->gid = (int) p->pw_gid;
    if (!a->shell.copy(p->pw_shell)) die_temp("out of memory");
  }
  if (a->shell.empty() && !a->shell.copy("/bin/sh")) die_temp("out of memory");
}

static void find_in_text(Account* a, const char* path, const char* login) {
  Bytes file;
  int r = file_read_all(file, path);
  if (r != 1) {
    if (r == 0) errno = ENOENT;
    die_temp("unable to read password file");
  }
  size_t pos = 0;
  size_t llen = str_len(login);
  while (pos < file.len()) {
    size_t k = byte_chr(file.data() + pos, file.len() - pos, '\n');
    PwEntry e;
    if (pw_parse_line(file.data() + pos, k, &e) &&
        pw_login_match(e.login.s, e.login.n, login, llen)) {
      use_entry(a, e, login);
      md5_wipe(file.data(), file.len());
      return;
    }
    pos += k + 1;
  }
  md5_wipe(file.data(), file.len());
  die_refused();
}

static void find_in_cdb(Account* a, const char* path, const char* login) {
  Bytes key, val;
  if (!pw_key(key, login, str_len(login))) die_temp("out of memory");
  int r = cdb_lookup_file(path, key.data(), key.len(), val, false);
  if (r == -1) die_temp("unable to read password cdb");
  if (r == 0) die_refused();
  PwEntry e;
  if (!pw_parse_value(val.data(), val.len(), &e)) die_refused();
  use_entry(a, e, login);
  md5_wipe(val.data(), val.len());
}

static void find_in_system(Account* a, const char* login) {
  errno = 0;
  struct passwd* p = getpwnam(login);
  if (!p) {
    if (errno && errno != ENOENT && errno != ESRCH) die_temp("unable to look up account");
    die_refused();
  }
  const char* hash = p->pw_passwd;
#ifdef HAVE_GETSPNAM
  struct spwd* sp = getspnam(login);
  if (sp) hash = sp->sp_pwdp;
#endif
  a->clear = false;
  if (!hash || !*hash) die_refused();
  if (!a->hash.copy(hash) || !a->name.copy(p->pw_name) ||
      !a->home.copy(p->pw_dir) ||
      !a->shell.copy(*p->pw_shell ? p->pw_shell : "/bin/sh"))
    die_temp("out of memory");
  a->uid = (int) p->pw_uid;
  a->gid = (int) p->pw_gid;
}

static bool exists(const char* path) { return access(path, F_OK) == 0; }

static void find_account(Account* a, const char* login) {
  const char* v = env_get("CHECKPW_SYSTEM");
  if (v && str_equal(v, "1")) return find_in_system(a, login);
  v = env_get("CHECKPW_CDB");
  if (v) return find_in_cdb(a, v, login);
  v = env_get("CHECKPW_FILE");
  if (v) return find_in_text(a, v, login);
  Bytes path;
  if (!path.copy(qm_home()) || !path.append("/users/poppasswd.cdb"))
    die_temp("out of memory");
  if (exists(path.c_str())) return find_in_cdb(a, path.c_str(), login);
  path.truncate(path.len() - 4);
  if (exists(path.c_str())) return find_in_text(a, path.c_str(), login);
  die_temp_text("no password database");
}

// Equal without an early exit, so timing does not reveal the prefix.
static bool same(const char* a, size_t an, const char* b, size_t bn) {
  unsigned char d = (unsigned char) (an != bn);
  size_t n = an < bn ? an : bn;
  for (size_t i = 0; i < n; ++i) d |= (unsigned char) (a[i] ^ b[i]);
  return d == 0;
}

static bool is_hex32(const char* s) {
  size_t n = str_len(s);
  if (n != kMd5HexLen) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = case_lower_char(s[i]);
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

static bool digest_ok(const Account& a, const char* digest, const char* stamp) {
  unsigned char d[kMd5Len];
  char want[kMd5HexLen];
  char have[kMd5HexLen];
  for (int i = 0; i < kMd5HexLen; ++i) have[i] = case_lower_char(digest[i]);
  // APOP: MD5(timestamp secret), RFC 1939.
  Md5 c;
  md5_init(&c);
  md5_update(&c, stamp, str_len(stamp));
  md5_update(&c, a.hash.data(), a.hash.len());
  md5_final(&c, d);
  md5_hex(want, d);
  bool ok = same(want, kMd5HexLen, have, kMd5HexLen);
  // CRAM-MD5: HMAC-MD5 keyed with the secret, RFC 2195.
  md5_hmac(a.hash.data(), a.hash.len(), stamp, str_len(stamp), d);
  md5_hex(want, d);
  ok = same(want, kMd5HexLen, have, kMd5HexLen) || ok;
  md5_wipe(d, sizeof d);
  md5_wipe(want, sizeof want);
  return ok;
}

static bool password_ok(const Account& a, const char* secret,
                        const char* stamp) {
  if (a.clear) {
    if (same(a.hash.data(), a.hash.len(), secret, str_len(secret))) return true;
  } else {
#ifdef HAVE_CRYPT
    const char* h = crypt(secret, a.hash.c_str());
    if (h && str_len(h) == a.hash.len() &&
        same(h, a.hash.len(), a.hash.data(), a.hash.len()))
      return true;
#endif
    return false;
  }
  return *stamp && is_hex32(secret) && digest_ok(a, secret, stamp);
}

static void become(Account* a, char** argv) {
  if (a->uid == 0) die_refused();
  if (!env_set("USER", a->name.c_str()) || !env_set("HOME", a->home.c_str()) ||
      !env_set("SHELL", a->shell.c_str()))
    die_temp("out of memory");
  if (chdir(a->home.c_str()) == -1) die_temp("unable to chdir to home directory");
  if (geteuid() == 0) {
    if (!prot_gid(a->gid)) die_temp("unable to set group id");
    if (!prot_uid(a->uid)) die_temp("unable to set user id");
  } else if ((int) geteuid() != a->uid) {
    errno = EPERM;
    die_temp("unable to switch to the account's user id");
  }
  md5_wipe(a->hash.data(), a->hash.len());
  path_exec(argv);
  die_temp("unable to run program");
}

int main(int argc, char** argv) {
  msg_init("qmail-checkpw");
  if (argc < 2) die_usage();
  read_input();
  const char* login;
  const char* secret;
  const char* stamp;
  split_input(&login, &secret, &stamp);
  g_login = login;
  Account a;
  find_account(&a, login);
  if (a.uid == 0 || !password_ok(a, secret, stamp)) die_refused();
  wipe();
  become(&a, argv + 1);
  return 111;
}
