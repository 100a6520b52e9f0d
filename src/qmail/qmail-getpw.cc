// qmail-getpw: find the account that controls a local address.
//
// Usage: qmail-getpw local.  Run by qmail-lspawn as qmailp (gid nofiles)
// when users/cdb has no answer.  Tries "local" and each prefix of it
// ending just before a '-', longest first, lowercased, shorter than 32
// characters: the first account that exists, is not root and owns its
// home directory (checked with stat as qmailp) controls the address.
// Otherwise the alias account does, with ext = the whole local part.
// Prints user, uid, gid, homedir, dash, ext, each followed by a NUL.
// Trusts the password database.  Exit 0; 100 without an argument; 111
// on a write error; 115 stat trouble; 116 no alias account; 118
// getpwnam trouble (qmail-lspawn maps these, qmail-core §7.1).
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

enum { kNfs = 115, kNoAlias = 116, kSys = 118 };

static bool out(Bytes& b, const char* s) {
  return b.append(s) && b.append_byte(0);
}

static bool out_num(Bytes& b, unsigned long u) {
  return b.append_ulong(u) && b.append_byte(0);
}

static void emit(const Bytes& b) {
  if (!write_all(1, b.data(), b.len())) _exit(111);
  _exit(0);
}

// The candidate account if it may receive mail; 0 if not.  Exits on
// temporary errors.
static struct passwd* usable(const char* name) {
  errno = 0;
  struct passwd* pw = getpwnam(name);
  if (!pw) {
    if (errno && errno != ENOENT && errno != ESRCH && err_temporary(errno))
      _exit(kSys);
    return 0;
  }
  if (pw->pw_uid == 0) return 0;
  struct stat st;
  if (stat(pw->pw_dir, &st) == -1) {
    if (errno == ENOENT || errno == ENOTDIR) return 0;
    _exit(kNfs);
  }
  if (st.st_uid != pw->pw_uid) return 0;
  return pw;
}

int main(int argc, char** argv) {
  if (argc < 2) _exit(100);
  const char* local = argv[1];
  size_t n = str_len(local);
  Bytes b;
  char brk = qm_break()[0];
  for (size_t k = n + 1; k-- > 0;) {
    if (k != n && local[k] != brk) continue;
    if (k == 0 || k >= 32) continue;
    char name[32];
    for (size_t i = 0; i < k; ++i) name[i] = case_lower_char(local[i]);
    name[k] = 0;
    struct passwd* pw = usable(name);
    if (!pw) continue;
    if (!out(b, pw->pw_name) || !out_num(b, (unsigned long) pw->pw_uid) ||
        !out_num(b, (unsigned long) pw->pw_gid) || !out(b, pw->pw_dir) ||
        !out(b, k == n ? "" : "-") || !out(b, k == n ? "" : local + k + 1))
      _exit(111);
    emit(b);
  }
  // The alias account: in a sandbox, the caller with QMAILHOME/alias.
  Bytes home;
  if (qm_sandbox()) {
    if (!home.copy(qm_home()) || !home.append("/alias")) _exit(111);
    if (!out(b, "alias") || !out_num(b, (unsigned long) getuid()) ||
        !out_num(b, (unsigned long) getgid()) || !out(b, home.c_str()))
      _exit(111);
  } else {
    errno = 0;
    struct passwd* pw = getpwnam(qm_user_name(kUserAlias));
    if (!pw) _exit(errno && err_temporary(errno) ? kSys : kNoAlias);
    if (!out(b, pw->pw_name) || !out_num(b, (unsigned long) pw->pw_uid) ||
        !out_num(b, (unsigned long) pw->pw_gid) || !out(b, pw->pw_dir))
      _exit(111);
  }
  if (!out(b, "-") || !out(b, local)) _exit(111);
  emit(b);
}
