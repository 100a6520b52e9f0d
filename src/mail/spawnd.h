// spawnd.h: the spawn engine shared by qmail-lspawn and qmail-rspawn
// (qmail-core §7): the qmail 1.03 pipe protocol between qmail-send and a
// delivery daemon.
//
// Protocol, as the engine implements it:
//  * start-up: chdir to the qmail home, call Spawner::init (argc/argv,
//    e.g. qmail-rspawn clears queue/lock/tcpto here, cwd = home), chdir to
//    queue/mess, write one byte = the concurrency limit (kQmSpawn, 120).
//  * commands on fd 0: slot byte, "<split>/<id>\0", "<sender>\0",
//    "<recipient>\0".
//  * results on fd 1, in any order: slot byte, letter K/Z/D, report text,
//    "\0".
//  * the engine checks the slot, the message id and the recipient (it
//    must contain '@'), opens the message (relative to queue/mess) and
//    checks it is a regular file owned by qmailq, makes a pipe and calls
//    Spawner::start, which forks the delivery child; the child's output
//    (fd 1 and 2 of the child) is collected, cut to `truncate` bytes when
//    that is nonzero ("\nError report too long, sorry.\n" replaces the
//    tail), and when the pipe closes the child is reaped and
//    Spawner::report turns (wait status, output) into the result.
//  * end of file on fd 0: finish outstanding deliveries, report them,
//    return 0.  A write error on fd 1 (qmail-send gone) returns 111.
//
// Callbacks (all run in the daemon process, uid of the daemon):
//  start(fdmess, fdout, sender, recip, at): fork the child; in the child
//    call spawnd_child_fds(fdmess, fdout) and exec; return the pid, or -1
//    (reported as "Zqmail-spawn unable to fork. (#4.3.0)").  The engine
//    closes fdmess and fdout in the parent.  recip[at] is the last '@'.
//  report(out, wstatus, text, len): append the result letter and text to
//    out (no slot byte, no final NUL; the engine adds them); false on
//    ENOMEM.  text is the child's output (not NUL-terminated).
//
// The engine owns all buffers; nothing is freed because the process ends
// with it.  SIGPIPE is ignored in the daemon; spawnd_child_fds restores
// the default for the child.  Not reentrant (one daemon per process).
#ifndef QM_MAIL_SPAWND_H
#define QM_MAIL_SPAWND_H

#include <stddef.h>

class Bytes;

struct Spawner {
  // argv handling and set-up with cwd = qmail home; false = exit 111
  // (the hook may also exit on its own, e.g. 100 for bad usage).
  bool (*init)(int argc, char** argv);
  int (*start)(int fdmess, int fdout, const char* sender, const char* recip,
               size_t at);
  bool (*report)(Bytes& out, int wstatus, const char* text, size_t len);
  // Report size limit (qmail-lspawn 3000, qmail-rspawn 0 = none).
  size_t truncate;
};

// Run the daemon; returns the exit code for main.
int spawnd_main(const Spawner* sp, int argc, char** argv);

// In a freshly forked child: message on fd 0, fdout on fd 1 and 2,
// SIGPIPE and SIGCHLD back to default.  False with errno.
bool spawnd_child_fds(int fdmess, int fdout);

#endif
