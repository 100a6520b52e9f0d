// condredirect: send the message to another address when a program says
// so, and stop the .qmail file (pop3-qmqp-tools §7.3).
//
// Run from .qmail: |condredirect newaddress program [ arg ... ].  The
// program reads the message on descriptor 0.  Exit 0: the message
// (rewound, with $DTLINE in front) is queued from $SENDER to newaddress,
// "condredirect: qp <pid>" is printed and we exit 99 so qmail-local
// stops.  Exit 111 or a crash: 111.  Anything else: exit 0, nothing done.
// Queue errors: 100 permanent, 111 temporary.
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
#include "src/mail/runchild.h"

static void die(int code, const char* a, const char* b = 0) {
  msg_fatal(a, b);
  _exit(code);
}
static void die_nomem() { die(111, "out of memory"); }

static void run_condition(char** argv) {
  int code = run_wait(argv);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  if (code == 111) die(111, "temporary child error");
  if (code != 0) _exit(0);
}

int main(int argc, char** argv) {
  msg_init("condredirect");
  if (argc < 3) {
    msg_usage("condredirect newaddress program [ arg ... ]");
    _exit(100);
  }
  qm_sig_ignore(SIGPIPE);
  run_condition(argv + 2);
  const char* sender = env_get("SENDER");
  if (!sender) die(100, "SENDER not set");
  const char* dt = env_get("DTLINE");
  if (!dt) die(100, "DTLINE not set");
  if (lseek(0, 0, SEEK_SET) != 0) {
    msg_fatal_sys("unable to rewind message");
    _exit(111);
  }
  Bytes dtline, rcpt;
  if (!dtline.copy(dt) || !rcpt.copy(argv[1]) || !rcpt.append_byte(0))
    die_nomem();
  int pid = 0;
  bool rerr;
  const char* err = requeue_message(0, dtline, sender, strlen(sender), rcpt,
                                    &pid, &rerr);
  if (err) die(*err == 'D' ? 100 : 111, err + 1);
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, (unsigned long) pid)] = 0;
  msg_line(0, "qp ", num);
  _exit(99);
}
