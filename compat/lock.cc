// lock.cc: one body per locking call; configure defines exactly one of
// QM_LOCK_FLOCK, QM_LOCK_FCNTL, QM_LOCK_LOCKF.
#include "config.h"
#include "compat/lock.h"

#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>
#ifdef HAVE_SYS_FILE_H
#include <sys/file.h>
#endif

#if defined(QM_LOCK_FLOCK)

bool qm_lock_ex(int fd) { return flock(fd, LOCK_EX) == 0; }
bool qm_lock_exnb(int fd) { return flock(fd, LOCK_EX | LOCK_NB) == 0; }
bool qm_lock_un(int fd) { return flock(fd, LOCK_UN) == 0; }
const char* qm_lock_method() { return "flock"; }

#elif defined(QM_LOCK_LOCKF)

// lockf locks from the current offset; lock the whole file from 0.
static bool lockf_whole(int fd, int cmd) {
  off_t pos = lseek(fd, 0, SEEK_CUR);
  if (pos == (off_t) -1) return false;
  if (lseek(fd, 0, SEEK_SET) == (off_t) -1) return false;
  int r = lockf(fd, cmd, 0);
  lseek(fd, pos, SEEK_SET);
  return r == 0;
}

bool qm_lock_ex(int fd) { return lockf_whole(fd, F_LOCK); }
bool qm_lock_exnb(int fd) { return lockf_whole(fd, F_TLOCK); }
bool qm_lock_un(int fd) { return lockf_whole(fd, F_ULOCK); }
const char* qm_lock_method() { return "lockf"; }

#else

static bool fcntl_lock(int fd, int cmd, short type) {
  struct flock fl;
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;
  return fcntl(fd, cmd, &fl) == 0;
}

bool qm_lock_ex(int fd) { return fcntl_lock(fd, F_SETLKW, F_WRLCK); }
bool qm_lock_exnb(int fd) { return fcntl_lock(fd, F_SETLK, F_WRLCK); }
bool qm_lock_un(int fd) { return fcntl_lock(fd, F_SETLK, F_UNLCK); }
const char* qm_lock_method() { return "fcntl"; }

#endif
