// runchild.cc: fork, PATH exec with qmail's exit codes, wait, feed.
#include "config.h"
#include "src/mail/runchild.h"

#include <sys/types.h>
#include <signal.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/spawn.h"

int run_child(char* const* argv, int fd0) {
  int pid = fork();
  if (pid != 0) return pid;
  qm_sig_default(SIGPIPE);
  if (fd0 != -1 && (!fd_move(0, fd0) || !fd_nocoe(0))) _exit(111);
  path_exec(argv);
  int e = errno;
  msg_fatal_sys("unable to run ", argv[0]);
  _exit(err_temporary(e) ? 111 : 100);
  return -1;
}

int wait_child(int pid) {
  int st;
  if (qm_wait_pid(&st, pid) != pid) return kChildNoWait;
  if (qm_wait_crashed(st)) return kChildCrashed;
  return qm_wait_exitcode(st);
}

int run_wait(char* const* argv) {
  int pid = run_child(argv, -1);
  if (pid == -1) return kChildNoFork;
  return wait_child(pid);
}

int run_feed(char* const* argv, const char* head, size_t head_len,
             int fdin) {
  int pi[2];
  if (pipe(pi) == -1) return kChildNoPipe;
  fd_coe(pi[1]);
  int pid = run_child(argv, pi[0]);
  int e = errno;
  close(pi[0]);
  if (pid == -1) {
    close(pi[1]);
    errno = e;
    return kChildNoFork;
  }
  char ibuf[8192], obuf[8192];
  Input in(fdin, ibuf, sizeof ibuf);
  Output out(pi[1], obuf, sizeof obuf);
  int fail = out.put(head, head_len) ? 0 : kChildNoWrite;
  while (!fail) {
    long r = in.fill();
    if (r < 0) fail = kChildNoRead;
    if (r <= 0) break;
    if (!out.put(in.peek(), in.avail())) fail = kChildNoWrite;
    in.skip(in.avail());
  }
  if (!fail && !out.flush()) fail = kChildNoWrite;
  e = errno;
  close(pi[1]);
  int code = wait_child(pid);
  // A program that exits without reading all of its input has decided
  // by itself (a missing program has said 100): its exit code counts.
  if (fail == kChildNoWrite && e == EPIPE && code >= 0) return code;
  if (fail) {
    errno = e;
    return fail;
  }
  return code;
}

void child_error(int code) {
  switch (code) {
    case kChildCrashed: msg_fatal("child crashed"); break;
    case kChildNoFork: msg_fatal_sys("unable to fork"); break;
    case kChildNoWait: msg_fatal_sys("unable to wait for child"); break;
    case kChildNoPipe: msg_fatal_sys("unable to create pipe"); break;
    case kChildNoRead: msg_fatal_sys("unable to read input"); break;
    default: msg_fatal_sys("unable to copy input"); break;
  }
}
