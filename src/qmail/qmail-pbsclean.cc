// qmail-pbsclean: expire the POP-before-SMTP record.
//
// Run from cron (as root, or the owner of QMAILHOME/pbs).  Removes every
// entry of QMAILHOME/pbs/ (except names starting with '.') whose mtime is
// more than control/pbstimeout seconds (default 1800) old.  Exit 0, or
// 111 when the directory or the control file cannot be read.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/msg.h"
#include "src/mail/auto.h"
#include "src/mail/pbs.h"

static void die_temp(const char* what) {
  msg_fatal_sys(what);
  _exit(111);
}

int main(int argc, char** argv) {
  msg_init("qmail-pbsclean");
  (void) argc;
  (void) argv;
  unsigned long timeout;
  if (!pbs_timeout(&timeout)) die_temp("unable to read control/pbstimeout");
  Bytes dir;
  if (!dir.copy(qm_home()) || !dir.append("/pbs")) die_temp("out of memory");
  if (chdir(dir.c_str()) == -1) die_temp("unable to switch to pbs");
  DIR* d = opendir(".");
  if (!d) die_temp("unable to read pbs");
  unsigned long now = now_sec();
  struct dirent* e;
  errno = 0;
  while ((e = readdir(d)) != 0) {
    struct stat st;
    if (e->d_name[0] != '.' && lstat(e->d_name, &st) == 0 &&
        (unsigned long) st.st_mtime + timeout < now)
      unlink(e->d_name);
    errno = 0;
  }
  if (errno) die_temp("unable to read pbs");
  closedir(d);
  return 0;
}
