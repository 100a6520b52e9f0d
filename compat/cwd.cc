// cwd.cc: SavedCwd, fchdir or chdir to the saved absolute path.
#include "config.h"
#include "compat/cwd.h"

#include <sys/types.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/errno_compat.h"

SavedCwd::SavedCwd() : fd_(-1), path_(0) {}

SavedCwd::~SavedCwd() {
  if (fd_ != -1) close(fd_);
  free(path_);
}

#if defined(HAVE_FCHDIR) && HAVE_DECL_FCHDIR

bool SavedCwd::save() {
  int fd = open(".", O_RDONLY);
  if (fd == -1) return false;
  if (fd_ != -1) close(fd_);
  fd_ = fd;
  return true;
}

bool SavedCwd::restore() {
  if (fd_ == -1) { errno = EINVAL; return false; }
  return fchdir(fd_) == 0;
}

const char* SavedCwd::method() { return "fchdir"; }

#else

// getcwd needs a buffer big enough for the path; grow it until it fits.
bool SavedCwd::save() {
  size_t n = 256;
  for (;;) {
    char* p = (char*) malloc(n);
    if (!p) { errno = ENOMEM; return false; }
    if (getcwd(p, n)) {
      free(path_);
      path_ = p;
      return true;
    }
    free(p);
    if (errno != ERANGE) return false;
    if (n > 65536) { errno = ENAMETOOLONG; return false; }
    n *= 2;
  }
}

bool SavedCwd::restore() {
  if (!path_) { errno = EINVAL; return false; }
  return chdir(path_) == 0;
}

const char* SavedCwd::method() { return "chdir-path"; }

#endif
