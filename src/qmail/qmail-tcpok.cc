// qmail-tcpok: forget every remote timeout recorded in queue/lock/tcpto.
//
// Run by root or qmailr, usually right before sending ALRM to qmail-send
// so that it retries remote deliveries at once.  It chdirs to the qmail
// home and overwrites the table with 64 zero records under its lock.
// Takes no arguments and trusts no input.  Exit 0; 111 with
// "qmail-tcpok: fatal: unable to ..." when the table cannot be written.
#include "config.h"

#include <unistd.h>
#include "compat/lock.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"
#include "src/mail/auto.h"
#include "src/mail/tcpto.h"

static void die_sys(const char* what, const char* tail) {
  msg_fatal_sys("unable to ", what, " ", qm_home(), tail);
  _exit(111);
}

int main() {
  msg_init("qmail-tcpok");
  if (!qm_chdir_home()) die_sys("chdir to", "");
  if (chdir("queue/lock") == -1) die_sys("chdir to", "/queue/lock");
  int fd = open_write("tcpto");
  if (fd == -1) die_sys("write", "/queue/lock/tcpto");
  if (!qm_lock_ex(fd)) die_sys("lock", "/queue/lock/tcpto");
  if (!tcpto_zero_fd(fd)) die_sys("clear", "/queue/lock/tcpto");
  return 0;
}
