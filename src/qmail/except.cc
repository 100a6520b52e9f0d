// except: reverse the exit code of a program (pop3-qmqp-tools §7.4).
//
// Run from .qmail: |except program [ arg ... ].  The program gets the
// message on the inherited descriptor 0.  Its exit 0 becomes 100 (the
// message bounces), 111 stays 111, any other code becomes 0; a crash is
// a temporary failure.  No program: usage, exit 100.
#include "config.h"

#include <unistd.h>
#include "src/lib/msg.h"
#include "src/mail/runchild.h"

int main(int argc, char** argv) {
  msg_init("except");
  if (argc < 2) {
    msg_usage("except program [ arg ... ]");
    _exit(100);
  }
  int code = run_wait(argv + 1);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  if (code == 0) _exit(100);
  if (code == 111) _exit(111);
  return 0;
}
