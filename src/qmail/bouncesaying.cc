// bouncesaying: bounce a message with a given text, perhaps only when a
// program says so (pop3-qmqp-tools §7.2).
//
// Run from .qmail: |bouncesaying error [ program [ arg ... ] ].  Without
// a program it prints error and exits 100.  With one, the program gets
// the message on descriptor 0: exit 0 means bounce (print error, exit
// 100), 111 means try later, anything else lets the rest of the .qmail
// file run (exit 0).  A crash is a temporary failure.
#include "config.h"

#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"
#include "src/mail/runchild.h"

static void die_bounce(const char* text) {
  Bytes t;
  if (t.copy(text) && t.append_byte('\n')) write_all(2, t.data(), t.len());
  _exit(100);
}

int main(int argc, char** argv) {
  msg_init("bouncesaying");
  if (argc < 2) {
    msg_usage("bouncesaying error [ program [ arg ... ] ]");
    _exit(100);
  }
  if (argc == 2) die_bounce(argv[1]);
  int code = run_wait(argv + 2);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  if (code == 0) die_bounce(argv[1]);
  if (code == 111) {
    msg_fatal("temporary child error");
    _exit(111);
  }
  return 0;
}
