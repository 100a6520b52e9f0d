// spawn.cc: PATH search, fork and exec.
#include "config.h"
#include "src/lib/spawn.h"

#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/protos.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"

void path_exec(char* const* argv) { path_exec_as(argv[0], argv); }

void path_exec_as(const char* name, char* const* argv) {
  if (strchr(name, '/')) {
    execve(name, argv, env_array());
    return;
  }
  const char* path = env_get("PATH");
  if (!path) path = "/bin:/usr/bin";
  // Remember the first error that is not "no such file", as execvp does,
  // so "permission denied" is not hidden by later misses.
  int saved = ENOENT;
  Bytes full;
  for (;;) {
    const char* colon = strchr(path, ':');
    size_t n = colon ? (size_t) (colon - path) : strlen(path);
    if (!full.copy(path, n)) return;
    if (n == 0 && !full.copy(".", 1)) return;
    if (!full.append_byte('/') || !full.append(name)) return;
    execve(full.c_str(), argv, env_array());
    if (errno != ENOENT && errno != ENOTDIR) saved = errno;
    if (!colon) break;
    path = colon + 1;
  }
  errno = saved;
}

int child_spawn(char* const* argv, int fd0, int fd1) {
  int pid = fork();
  if (pid != 0) return pid;
  if (fd0 != -1 && (!fd_move(0, fd0) || !fd_nocoe(0))) _exit(111);
  if (fd1 != -1 && (!fd_move(1, fd1) || !fd_nocoe(1))) _exit(111);
  path_exec(argv);
  msg_fatal_sys("unable to run ", argv[0]);
  _exit(111);
  return -1;
}

int child_wait(int pid, int* status) { return qm_wait_pid(status, pid); }
