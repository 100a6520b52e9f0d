// qmail-hier: create or check the qmail home from the installation table.
//
// Usage: qmail-hier [ -o ] make|check|remove root
//   make   creates every directory, FIFO and file of hier.cc under root
//          (existing ones are kept), sets modes, and with -o also owners;
//          installed programs must already be there (make install put
//          them) and get their modes and owners.
//   check  verifies that everything exists with the right type and mode
//          (and owners with -o); prints one line per problem.
//   remove undoes make for make uninstall: removes the FIFO and empty
//          files it created and every directory that is empty (a queue
//          still holding mail keeps its directories).
// Run by make setup (as root for a real install, -o) and by the test
// suite to build private homes (as the invoking user, no -o).
// Exit codes: 0 success, 100 usage or check found problems, 111 a system
// call failed.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/fifo.h"
#include "src/install/hier.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static const char kUsage[] = "qmail-hier [ -o ] make|check|remove root";

static void die_usage() {
  msg_usage(kUsage);
  _exit(100);
}
static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}
static void die_sys(const char* what, const Bytes& path) {
  msg_fatal_sys(what, path.c_str());
  _exit(111);
}

static bool g_owners = false;
static int g_problems = 0;

static void problem(const Bytes& path, const char* what) {
  msg_line(0, path.c_str(), ": ", what);
  ++g_problems;
}

static void set_owner_mode(const HierEntry& e, const Bytes& path) {
  if (g_owners) {
    int u = e.user >= 0 ? qm_uid(e.user) : -1;
    int g = e.group >= 0 ? qm_gid(e.group) : -1;
    if (u == -1 || g == -1) {
      msg_fatal("qmail accounts are not compiled in; see make setup");
      _exit(111);
    }
    if (chown(path.c_str(), (uid_t) u, (gid_t) g) == -1)
      die_sys("unable to chown ", path);
  }
  // chmod after chown: chown clears the setuid bit on some systems.
  if (chmod(path.c_str(), (mode_t) e.mode) == -1)
    die_sys("unable to chmod ", path);
}

// Create the parents of the home (DESTDIR installs start from nothing).
static void make_parents(const Bytes& path) {
  Bytes dir;
  for (size_t i = 1; i < path.len(); ++i) {
    if (path.data()[i] != '/') continue;
    if (!dir.copy(path.data(), i)) die_nomem();
    if (mkdir(dir.c_str(), 0755) == -1 && errno != EEXIST)
      die_sys("unable to mkdir ", dir);
  }
}

static void make_one(const HierEntry& e, const Bytes& path) {
  if (!*e.path) make_parents(path);
  struct stat st;
  bool exists = lstat(path.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) die_sys("unable to stat ", path);
  if (!exists) {
    if (e.kind == 'd' && mkdir(path.c_str(), 0700) == -1)
      die_sys("unable to mkdir ", path);
    if (e.kind == 'p' && !qm_mkfifo(path.c_str(), 0600))
      die_sys("unable to mkfifo ", path);
    if (e.kind == 'f') {
      int fd = open_excl(path.c_str(), 0600);
      if (fd == -1) die_sys("unable to create ", path);
      close(fd);
    }
    // Programs come from make install; a home built for tests before
    // (or without) installing gets the tree only.  check reports them.
    if (e.kind == 'x') return;
  }
  set_owner_mode(e, path);
}

static void remove_one(const HierEntry& e, const Bytes& path) {
  if (e.kind == 'd') {
    if (rmdir(path.c_str()) == -1 && errno != ENOENT && errno != ENOTEMPTY &&
        errno != EEXIST)
      die_sys("unable to rmdir ", path);
  } else if (e.kind == 'f' || e.kind == 'p') {
    if (unlink(path.c_str()) == -1 && errno != ENOENT)
      die_sys("unable to remove ", path);
  }
}

// True once any program is installed in the home's bin/ (set by main).
static bool g_installed = false;

static void check_one(const HierEntry& e, const Bytes& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) == -1) {
    // A bare tree (no program installed yet) is not missing programs.
    if (e.kind == 'x' && !g_installed) return;
    problem(path, "missing");
    return;
  }
  bool type_ok = (e.kind == 'd' && S_ISDIR(st.st_mode)) ||
                 (e.kind == 'p' && S_ISFIFO(st.st_mode)) ||
                 ((e.kind == 'f' || e.kind == 'x') && S_ISREG(st.st_mode));
  if (!type_ok) problem(path, "wrong type");
  if ((int) (st.st_mode & 07777) != e.mode) {
    char want[kFmtUlong];
    want[fmt_olong0(want, (unsigned long) e.mode, 4)] = 0;
    char have[kFmtUlong];
    have[fmt_olong0(have, (unsigned long) (st.st_mode & 07777), 4)] = 0;
    msg_line(0, path.c_str(), ": mode ", have, " should be ", want);
    ++g_problems;
  }
  if (g_owners) {
    if (e.user >= 0 && (int) st.st_uid != qm_uid(e.user))
      problem(path, "wrong owner");
    if (e.group >= 0 && (int) st.st_gid != qm_gid(e.group))
      problem(path, "wrong group");
  }
}

// Expand '%' into 0..split-1 and visit each resulting path.
enum Verb { kMake, kCheck, kRemove };

static void visit(const HierEntry& e, const char* root, Verb verb) {
  Bytes path;
  const char* pct = 0;
  for (const char* p = e.path; *p; ++p)
    if (*p == '%') pct = p;
  int count = pct ? (int) kQmSplit : 1;
  for (int i = 0; i < count; ++i) {
    if (!path.copy(root)) die_nomem();
    if (*e.path && !path.append_byte('/')) die_nomem();
    if (pct) {
      if (!path.append(e.path, (size_t) (pct - e.path)) ||
          !path.append_ulong((unsigned long) i) || !path.append(pct + 1))
        die_nomem();
    } else if (!path.append(e.path)) {
      die_nomem();
    }
    if (verb == kMake)
      make_one(e, path);
    else if (verb == kCheck)
      check_one(e, path);
    else
      remove_one(e, path);
  }
}

int main(int argc, char** argv) {
  msg_init("qmail-hier");
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "o")) != -1) {
    switch (c) {
      case 'o': g_owners = true; break;
      default: die_usage();
    }
  }
  if (argc - st.ind != 2) die_usage();
  const char* word = argv[st.ind];
  const char* root = argv[st.ind + 1];
  Verb verb = kMake;
  if (str_equal(word, "make"))
    verb = kMake;
  else if (str_equal(word, "check"))
    verb = kCheck;
  else if (str_equal(word, "remove"))
    verb = kRemove;
  else
    die_usage();
  umask(077);
  const HierEntry* table = hier_table();
  size_t n = 0;
  while (table[n].kind) ++n;
  for (size_t i = 0; i < n && !g_installed; ++i) {
    if (table[i].kind != 'x') continue;
    Bytes path;
    struct stat xs;
    if (!path.copy(root) || !path.append_byte('/') ||
        !path.append(table[i].path))
      die_nomem();
    if (lstat(path.c_str(), &xs) == 0) g_installed = true;
  }
  if (verb == kRemove) {
    // Children before parents.
    while (n--) visit(table[n], root, verb);
  } else {
    for (size_t i = 0; i < n; ++i) visit(table[i], root, verb);
  }
  if (g_problems) _exit(100);
  _exit(0);
}
