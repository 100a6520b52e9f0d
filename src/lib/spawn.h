// spawn.h: run other programs.
//
// path_exec searches PATH like execvp (PATH unset: /bin:/usr/bin) and
// returns only on failure, with errno from the most telling attempt.
// child_spawn forks; in the child it moves fd0/fd1 (if not -1) to 0/1
// and execs argv[0] (path search when it has no '/'); if that fails the
// child prints "prog: fatal: unable to run NAME: ERR" and exits 111.  The
// parent gets the pid or -1.  child_wait reaps it and returns the raw
// status (see compat/wait.h) or -1.  Not for signal handlers.
#ifndef QM_LIB_SPAWN_H
#define QM_LIB_SPAWN_H

void path_exec(char* const* argv);
// The same, searching for name but passing argv unchanged (argv0).
void path_exec_as(const char* name, char* const* argv);
int child_spawn(char* const* argv, int fd0, int fd1);
int child_wait(int pid, int* status);

#endif
