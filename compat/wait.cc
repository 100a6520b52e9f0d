// wait.cc: waitpid, or wait3 for systems without it.
#include "config.h"
#include "compat/wait.h"

#include <sys/time.h>
#include <sys/resource.h>
#include "compat/errno_compat.h"

#ifdef HAVE_WAITPID

int qm_wait_pid(int* status, int pid) {
  for (;;) {
    int r = waitpid(pid, status, 0);
    if (r == -1 && errno == EINTR) continue;
    return r;
  }
}

int qm_wait_nohang(int* status) { return waitpid(-1, status, WNOHANG); }

const char* qm_wait_method() { return "waitpid"; }

#else

// Without waitpid, keep reaping until the wanted pid comes by; other
// children reaped on the way are lost to the caller, as with 4.3BSD wait.
int qm_wait_pid(int* status, int pid) {
  for (;;) {
    int r = wait3(status, 0, (struct rusage*) 0);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1 || r == pid || pid == -1) return r;
  }
}

int qm_wait_nohang(int* status) {
  return wait3(status, WNOHANG, (struct rusage*) 0);
}

const char* qm_wait_method() { return "wait3"; }

#endif
