// datemail: a sendmail that adds a Date: line in local time
// (pop3-qmqp-tools §7.7).
//
// Run like sendmail: datemail [ sendmail-args ].  Replaces itself with
// "<qmail home>/bin/predate <qmail home>/bin/sendmail args".  Exit 111
// when predate cannot be run; otherwise predate's exit code.
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/mail/auto.h"

int main(int argc, char** argv) {
  msg_init("datemail");
  Bytes predate, sendmail;
  if (!predate.copy(qm_home()) || !predate.append("/bin/predate") ||
      !sendmail.copy(qm_home()) || !sendmail.append("/bin/sendmail")) {
    msg_fatal("out of memory");
    _exit(111);
  }
  char** av = (char**) malloc(((size_t) argc + 2) * sizeof(char*));
  if (!av) {
    msg_fatal("out of memory");
    _exit(111);
  }
  av[0] = predate.data();
  av[1] = sendmail.data();
  for (int i = 1; i < argc; ++i) av[i + 1] = argv[i];
  av[argc + 1] = 0;
  execve(av[0], av, env_array());
  msg_fatal_sys("unable to run ", av[0]);
  _exit(111);
}
