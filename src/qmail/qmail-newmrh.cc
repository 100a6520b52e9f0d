// qmail-newmrh: compile control/morercpthosts into morercpthosts.cdb.
//
// Run by the administrator (as root) after editing control/morercpthosts.
// Reads that file (trusted, written by the administrator), one domain per
// line; lines are lowered, trailing spaces and tabs dropped, empty lines
// and lines starting with '#' skipped.  Writes control/morercpthosts.tmp
// (mode 0644), fsyncs it and renames it over control/morercpthosts.cdb,
// so qmail-smtpd never sees a partial file.  Exit 0, or 111 with a
// message when anything fails (the old cdb then stays in place).
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/cdbmake.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static const char kTmp[] = "control/morercpthosts.tmp";

static void die_read() {
  msg_fatal_sys("unable to read control/morercpthosts");
  _exit(111);
}
static void die_write() {
  msg_fatal_sys("unable to write to control/morercpthosts.tmp");
  _exit(111);
}

static void build(Input& in, CdbMake& cdb) {
  Bytes line;
  for (;;) {
    int r = in.get_line(line, '\n');
    if (r == -1) die_read();
    if (line.empty()) break;
    size_t n = line.len();
    char* p = line.data();
    case_lower(p, n);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n'))
      --n;
    if (n && p[0] != '#')
      if (!cdb.add(p, n, "", 0)) die_write();
    if (r == 0) break;
  }
}

int main() {
  msg_init("qmail-newmrh");
  umask(033);
  if (!qm_chdir_home()) {
    msg_fatal_sys("unable to chdir to ", qm_home());
    _exit(111);
  }
  int fdin = open_read("control/morercpthosts");
  if (fdin == -1) die_read();
  int fd = open_trunc(kTmp, 0644);
  if (fd == -1) {
    msg_fatal_sys("unable to create ", kTmp);
    _exit(111);
  }
  char buf[8192];
  Input in(fdin, buf, sizeof buf);
  CdbMake cdb;
  if (!cdb.start(fd)) die_write();
  build(in, cdb);
  if (!cdb.finish()) die_write();
  if (!file_commit(fd, kTmp, "control/morercpthosts.cdb")) {
    msg_fatal_sys("unable to move control/morercpthosts.tmp to "
                  "control/morercpthosts.cdb");
    _exit(111);
  }
  return 0;
}
