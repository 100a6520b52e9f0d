// qmail-rspawn: run remote deliveries for qmail-send.
//
// Started by qmail-start as qmailr, with qmail-send's command pipe on fd 0
// and its result pipe on fd 1 (qmail-core §7, src/mail/spawnd.h).  At
// start it clears queue/lock/tcpto.  For each delivery it runs
// "qmail-remote host sender recip" (found through PATH; host is the part
// of recip after its last '@') with the message on fd 0 and its output
// collected, and turns that output into one K/Z/D result (rreport.h).
// Trusts qmail-send's commands (checked by the engine) and nothing of
// qmail-remote but its exit status and NUL-separated reports.  Exit 0 when
// qmail-send closes the pipe, 111 on trouble.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/lock.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/spawn.h"
#include "src/mail/rreport.h"
#include "src/mail/spawnd.h"
#include "src/mail/tcpto.h"

// A restarted qmail retries every remote host at once.  A table that
// cannot be cleared is no reason to refuse to deliver.
static bool init(int, char**) {
  int fd = open_write("queue/lock/tcpto");
  if (fd == -1) return true;
  if (qm_lock_ex(fd)) tcpto_zero_fd(fd);
  close(fd);
  return true;
}

static int start(int fdmess, int fdout, const char* sender, const char* recip,
                 size_t at) {
  int pid = fork();
  if (pid != 0) return pid;
  if (!spawnd_child_fds(fdmess, fdout)) _exit(111);
  const char* args[5];
  args[0] = "qmail-remote";
  args[1] = recip + at + 1;
  args[2] = sender;
  args[3] = recip;
  args[4] = 0;
  path_exec((char* const*) args);
  _exit(err_temporary(errno) ? 111 : 100);
}

int main(int argc, char** argv) {
  Spawner sp;
  sp.init = init;
  sp.start = start;
  sp.report = rreport;
  sp.truncate = 0;
  return spawnd_main(&sp, argc, argv);
}
