// runchild.h: run a program the way the .qmail helpers do
// (pop3-qmqp-tools §7): fork, exec argv[0] through PATH, wait.
//
// In the child, fd0 (if not -1) becomes descriptor 0; an exec failure
// prints "prog: fatal: unable to run NAME: ERR" and exits 111 when the
// error is temporary, 100 otherwise, so a missing program bounces and a
// busy system retries.  SIGPIPE is restored to its default in the child.
//
// run_child returns the pid (or -1, errno set).  wait_child, run_wait and
// run_feed return the program's exit code (0..255) or one of the negative
// kChild* codes below, with errno set where the code says "sys".
// run_wait runs argv with the inherited descriptor 0; run_feed gives the
// program a pipe on descriptor 0 and writes head, then everything from
// fdin, into it; if the program stops reading (EPIPE) its exit code is
// the result.  child_error is the message for a negative code; the
// program prints it and exits 111.  The caller ignores SIGPIPE for
// run_feed.  Not for signal handlers.
#ifndef QM_MAIL_RUNCHILD_H
#define QM_MAIL_RUNCHILD_H

#include <stddef.h>

enum {
  kChildCrashed = -1,
  kChildNoFork = -2,    // sys
  kChildNoWait = -3,    // sys
  kChildNoPipe = -4,    // sys
  kChildNoRead = -5,    // sys
  kChildNoWrite = -6    // sys
};

int run_child(char* const* argv, int fd0);
int wait_child(int pid);
int run_wait(char* const* argv);
int run_feed(char* const* argv, const char* head, size_t head_len,
             int fdin);
// Print "prog: fatal: <text>[: errno text]" for a negative code.
void child_error(int code);

#endif
