// qmail-pbscheck: let recent POP3 users relay (POP-before-SMTP).
//
// Put in front of qmail-smtpd: "tcpserver ... qmail-pbscheck qmail-smtpd".
// If RELAYCLIENT is not set and QMAILHOME/pbs/<TCPREMOTEIP> was touched no
// more than control/pbstimeout seconds ago (default 1800), it sets
// RELAYCLIENT to the empty string.  Then it execs the rest of its
// arguments.  Exit 100 without a program, 111 when the control file
// cannot be read, memory runs out or the exec fails.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/spawn.h"
#include "src/mail/pbs.h"

static void die_usage() {
  msg_usage("qmail-pbscheck prog [ arg ... ]");
  _exit(100);
}
static void die_temp(const char* what) {
  msg_fatal_sys(what);
  _exit(111);
}

int main(int argc, char** argv) {
  msg_init("qmail-pbscheck");
  if (argc < 2) die_usage();
  Bytes path;
  if (!env_get("RELAYCLIENT") && pbs_path(path, env_get("TCPREMOTEIP"))) {
    unsigned long timeout;
    if (!pbs_timeout(&timeout)) die_temp("unable to read control/pbstimeout");
    struct stat st;
    unsigned long now = now_sec();
    if (stat(path.c_str(), &st) == 0 &&
        (unsigned long) st.st_mtime + timeout >= now &&
        !env_set("RELAYCLIENT", ""))
      die_temp("unable to set RELAYCLIENT");
  }
  path_exec(argv + 1);
  msg_fatal_sys("unable to run ", argv[1]);
  _exit(111);
}
