// qmail-newu: compile users/assign into users/cdb.
//
// Run by the administrator as root, no arguments.  Reads
// QMAILHOME/users/assign (qmail-users(5): "=local:user:uid:gid:home:dash:
// ext:" exact lines, "+prefix:..." wildcard lines, ended by a line ".")
// and writes users/cdb atomically through users/cdb.tmp (fsync, rename),
// in the format qmail-lspawn reads (qmail-core §9.2).  The input is the
// administrator's: it is checked for format, not trusted further.  On
// any problem it prints "qmail-newu: fatal: ..." and exits 111, leaving
// users/cdb alone.  Exit 0 on success.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sync.h"
#include "src/lib/bytes.h"
#include "src/lib/cdbmake.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static void die(const char* why) {
  msg_fatal(why);
  _exit(111);
}
static void die_nomem() { die("out of memory"); }
static void die_format() { die("bad format in users/assign"); }
static void die_write() { die("unable to write users/cdb.tmp"); }

// One assign line (without its newline) into a cdb record.
static void add_line(CdbMake& cdb, const Bytes& line, Bytes& wild) {
  const char* s = line.data();
  size_t n = line.len();
  if (!n || byte_chr(s, n, 0) != n) die_format();
  size_t colon = byte_chr(s, n, ':');
  if (colon == n || colon == 0) die_format();
  bool wildcard = s[0] == '+';
  Bytes key, data;
  if (!key.append_byte('!') || !key.append(s + 1, colon - 1)) die_nomem();
  case_lower(key.data() + 1, key.len() - 1);
  if (wildcard) {
    if (key.len() > 1) {
      char last = key.data()[key.len() - 1];
      if (byte_chr(wild.c_str(), wild.len(), last) == wild.len() &&
          !wild.append_byte(last))
        die_nomem();
    }
  } else if (!key.append_byte(0)) {
    die_nomem();
  }
  // Six fields after the key, each ended by a colon.
  size_t pos = colon + 1;
  for (int i = 0; i < 6; ++i) {
    size_t k = byte_chr(s + pos, n - pos, ':');
    if (k == n - pos) die_format();
    if (i && !data.append_byte(0)) die_nomem();
    if (!data.append(s + pos, k)) die_nomem();
    pos += k + 1;
  }
  if (!cdb.add(key.data(), key.len(), data.data() ? data.data() : "",
               data.len()))
    die_write();
}

int main() {
  msg_init("qmail-newu");
  umask(033);
  if (!qm_chdir_home()) die("unable to chdir");
  int in = open_read("users/assign");
  if (in == -1) die("unable to open users/assign");
  int out = open_trunc("users/cdb.tmp", 0644);
  if (out == -1) die("unable to open users/cdb.tmp");
  CdbMake cdb;
  if (!cdb.start(out)) die_write();
  char buf[4096];
  Input input(in, buf, sizeof buf);
  Bytes line, wild;
  for (;;) {
    int r = input.get_line(line, '\n');
    if (r == -1) die("unable to read users/assign");
    if (r == 0) die_format();   // no "." line
    line.truncate(line.len() - 1);
    if (line.equals(".")) break;
    add_line(cdb, line, wild);
  }
  if (!cdb.add("", 0, wild.data() ? wild.data() : "", wild.len()))
    die_write();
  if (!cdb.finish()) die_write();
  if (!qm_fsync(out) || close(out) == -1) die_write();
  if (rename("users/cdb.tmp", "users/cdb") == -1)
    die("unable to move users/cdb.tmp to users/cdb");
  if (!qm_fsync_dir("users")) die("unable to move users/cdb.tmp to users/cdb");
  return 0;
}
