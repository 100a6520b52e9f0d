// qmail-pbsadd: record a successful POP3 login for POP-before-SMTP.
//
// Put into the POP3 chain after the checker, as
// "qmail-checkpw qmail-pbsadd qmail-pop3d Maildir"; it runs as the
// mailbox owner.  If TCPREMOTEIP holds a valid address it creates or
// touches QMAILHOME/pbs/<address>; any failure there is ignored, so the
// record never blocks a login.  Then it execs the rest of its arguments.
// Exit 100 without a program, 111 when the exec fails.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include "compat/mtime.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/spawn.h"
#include "src/mail/pbs.h"

static void die_usage() {
  msg_usage("qmail-pbsadd prog [ arg ... ]");
  _exit(100);
}

static void record() {
  Bytes path;
  if (!pbs_path(path, env_get("TCPREMOTEIP"))) return;
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_NONBLOCK, 0666);
  if (fd == -1) return;
  // Any user may refresh the entry later (the directory is sticky, so
  // nobody else can remove it).
  fchmod(fd, 0666);
  close(fd);
  qm_set_mtime(path.c_str(), now_sec());
}

int main(int argc, char** argv) {
  msg_init("qmail-pbsadd");
  if (argc < 2) die_usage();
  record();
  path_exec(argv + 1);
  msg_fatal_sys("unable to run ", argv[1]);
  _exit(111);
}
