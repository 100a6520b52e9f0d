// forward: queue the message again for the given addresses
// (pop3-qmqp-tools §7.1).
//
// Run from .qmail: |forward address ...  Needs NEWSENDER (envelope
// sender) and DTLINE (put in front of the message) from qmail-local.
// The message is read from descriptor 0.  Exit codes: 0 queued (prints
// "forward: qp <pid>"), 100 missing variables or a permanent qmail-queue
// error, 111 a temporary one.
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/mail/requeue.h"

static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}

int main(int argc, char** argv) {
  msg_init("forward");
  qm_sig_ignore(SIGPIPE);
  const char* sender = env_get("NEWSENDER");
  if (!sender) {
    msg_fatal("NEWSENDER not set");
    _exit(100);
  }
  const char* dt = env_get("DTLINE");
  if (!dt) {
    msg_fatal("DTLINE not set");
    _exit(100);
  }
  Bytes dtline, rcpts;
  if (!dtline.copy(dt)) die_nomem();
  for (int i = 1; i < argc; ++i)
    if (!rcpts.append(argv[i]) || !rcpts.append_byte(0)) die_nomem();
  int pid = 0;
  bool rerr;
  const char* err = requeue_message(0, dtline, sender, strlen(sender), rcpts,
                                    &pid, &rerr);
  if (err) {
    msg_fatal(err + 1);
    _exit(*err == 'D' ? 100 : 111);
  }
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, (unsigned long) pid)] = 0;
  msg_line(0, "qp ", num);
  return 0;
}
