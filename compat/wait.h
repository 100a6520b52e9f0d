// wait.h: reap children.  waitpid where present, else a wait3 loop (old
// BSD).  Both return the pid reaped, 0 (nohang: nothing to reap) or -1
// with errno set.  qm_wait_pid retries EINTR itself.  Status decoding is
// in the macros below.  Safe in a SIGCHLD handler (wait_nohang).
#ifndef QM_COMPAT_WAIT_H
#define QM_COMPAT_WAIT_H

#include <sys/types.h>
#include <sys/wait.h>

int qm_wait_pid(int* status, int pid);
int qm_wait_nohang(int* status);
const char* qm_wait_method();

// Exit code, or -1 when the child was killed by a signal.
inline int qm_wait_exitcode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
inline bool qm_wait_crashed(int status) { return WIFSIGNALED(status); }
inline int qm_wait_signal(int status) {
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

#endif
