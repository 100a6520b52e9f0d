// sync.cc: fsync, fdatasync, directory fsync.
#include "config.h"
#include "compat/sync.h"

#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>
#include "compat/errno_compat.h"

bool qm_fsync(int fd) {
#ifdef HAVE_FSYNC
  for (;;) {
    if (fsync(fd) == 0) return true;
    if (errno != EINTR) return false;
  }
#else
  (void) fd;
  sync();
  return true;
#endif
}

bool qm_fdatasync(int fd) {
#ifdef HAVE_FDATASYNC
  for (;;) {
    if (fdatasync(fd) == 0) return true;
    if (errno != EINTR) return false;
  }
#else
  return qm_fsync(fd);
#endif
}

bool qm_fsync_dir(const char* dir) {
  int fd = open(dir, O_RDONLY);
  if (fd == -1) return false;
  bool ok = qm_fsync(fd);
  if (!ok && (errno == EINVAL || errno == EBADF || errno == EISDIR)) ok = true;
  int e = errno;
  close(fd);
  errno = e;
  return ok;
}
