// qmail-newpw: build the cdb form of the POP3 account file.
//
// Run by the administrator as "qmail-newpw [textfile [cdbfile]]"
// (defaults QMAILHOME/users/poppasswd and users/poppasswd.cdb).  Parses
// the text file by the rules of qmail-checkpw, writes cdbfile.tmp, syncs
// it and renames it over cdbfile; the first line for a login wins.  The
// new file gets mode 0640 and the owner and group of the text file.  On
// any error the old cdb stays untouched.  Exit 0, or 111 on any problem.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/lib/cdbmake.h"
#include "src/lib/control.h"
#include "src/lib/fd.h"
#include "src/lib/md5.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/poppasswd.h"

static Bytes* g_tmp;

static void cleanup() {
  if (g_tmp && !g_tmp->empty()) unlink(g_tmp->c_str());
}
static void die_nomem() {
  cleanup();
  msg_fatal("out of memory");
  _exit(111);
}
static void die_sys(const char* what, const char* path) {
  int e = errno;
  cleanup();
  errno = e;
  msg_fatal_sys(what, path);
  _exit(111);
}
static void die_usage() {
  msg_usage("qmail-newpw [ textfile [ cdbfile ] ]");
  _exit(100);
}

// Remember which keys were added so that the first line wins: a scratch
// cdb is not available while writing, so keep the keys in one Bytes with
// a small open hash over their offsets.
class KeySet {
 public:
  KeySet() : slots_(0), nslots_(0), count_(0) {}
  ~KeySet() { free(slots_); }
  bool init(size_t expect) {
    nslots_ = 16;
    while (nslots_ < expect * 2 + 16) {
      if (nslots_ > ((size_t) -1) / (4 * sizeof(long))) return false;
      nslots_ *= 2;
    }
    slots_ = (long*) malloc(nslots_ * sizeof(long));
    if (!slots_) return false;
    for (size_t i = 0; i < nslots_; ++i) slots_[i] = -1;
    return true;
  }
  // True if newly added; *err on memory trouble.
  bool add(const char* k, size_t n, bool* err) {
    size_t h = (size_t) cdb_hash(k, n) & (nslots_ - 1);
    while (slots_[h] != -1) {
      const char* p = keys_.data() + slots_[h];
      size_t pl = str_len(p);
      if (pl == n && byte_equal(p, k, n)) return false;
      h = (h + 1) & (nslots_ - 1);
    }
    long off = (long) keys_.len();
    if (!keys_.append(k, n) || !keys_.append_byte(0)) {
      *err = true;
      return false;
    }
    slots_[h] = off;
    ++count_;
    return true;
  }

 private:
  Bytes keys_;
  long* slots_;
  size_t nslots_;
  size_t count_;
  KeySet(const KeySet&);
  void operator=(const KeySet&);
};

int main(int argc, char** argv) {
  msg_init("qmail-newpw");
  if (argc > 3) die_usage();
  Bytes text, cdbpath, tmp;
  g_tmp = &tmp;
  if (argc > 1) {
    if (!text.copy(argv[1])) die_nomem();
  } else if (!text.copy(qm_home()) || !text.append("/users/poppasswd")) {
    die_nomem();
  }
  if (argc > 2) {
    if (!cdbpath.copy(argv[2])) die_nomem();
  } else if (!cdbpath.copy(text) || !cdbpath.append(".cdb")) {
    die_nomem();
  }
  Bytes file;
  int r = file_read_all(file, text.c_str());
  if (r != 1) {
    if (r == 0) errno = ENOENT;
    die_sys("unable to read ", text.c_str());
  }
  struct stat st;
  if (stat(text.c_str(), &st) == -1) die_sys("unable to stat ", text.c_str());
  size_t lines = 0;
  for (size_t i = 0; i < file.len(); ++i)
    if (file.data()[i] == '\n') ++lines;
  KeySet seen;
  if (!seen.init(lines + 1)) die_nomem();
  if (!tmp.copy(cdbpath) || !tmp.append(".tmp")) die_nomem();
  int fd = open_trunc(tmp.c_str(), 0600);
  if (fd == -1) die_sys("unable to create ", tmp.c_str());
  CdbMake cm;
  if (!cm.start(fd)) die_sys("unable to write ", tmp.c_str());
  Bytes key;
  size_t pos = 0;
  while (pos < file.len()) {
    size_t k = byte_chr(file.data() + pos, file.len() - pos, '\n');
    const char* line = file.data() + pos;
    size_t n = k;
    if (n && line[n - 1] == '\r') --n;
    PwEntry e;
    if (pw_parse_line(line, n, &e)) {
      key.clear();
      if (!pw_key(key, e.login.s, e.login.n)) die_nomem();
      bool err = false;
      if (seen.add(key.data(), key.len(), &err)) {
        const char* v = e.login.s + e.login.n + 1;
        if (!cm.add(key.data(), key.len(), v, (size_t) (line + n - v)))
          die_sys("unable to write ", tmp.c_str());
      }
      if (err) die_nomem();
    }
    pos += k + 1;
  }
  md5_wipe(file.data(), file.len());
  if (!cm.finish()) die_sys("unable to write ", tmp.c_str());
  // Owner and group of the text file, so whoever may read it may read the
  // cdb; only root can give the file away, and only root needs to.
  if (geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) == -1)
    die_sys("unable to chown ", tmp.c_str());
  if (fchmod(fd, 0640) == -1) die_sys("unable to chmod ", tmp.c_str());
  if (!file_commit(fd, tmp.c_str(), cdbpath.c_str()))
    die_sys("unable to move into place ", cdbpath.c_str());
  return 0;
}
