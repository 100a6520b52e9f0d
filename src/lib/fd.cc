// fd.cc: open/dup/flag helpers.
#include "config.h"
#include "src/lib/fd.h"

#include <sys/types.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sync.h"

static int open_retry(const char* path, int flags, int mode) {
  for (;;) {
    int fd = open(path, flags, mode);
    if (fd != -1) {
      fd_coe(fd);
      return fd;
    }
    if (errno != EINTR) return -1;
  }
}

int open_read(const char* path) { return open_retry(path, O_RDONLY, 0); }

int open_write(const char* path) { return open_retry(path, O_WRONLY, 0); }

int open_append(const char* path) {
  return open_retry(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
}

int open_trunc(const char* path, int mode) {
  return open_retry(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int open_excl(const char* path, int mode) {
  return open_retry(path, O_WRONLY | O_CREAT | O_EXCL, mode);
}

bool fd_copy(int to, int from) {
  if (to == from) return true;
  for (;;) {
    if (dup2(from, to) != -1) return true;
    if (errno != EINTR) return false;
  }
}

bool fd_move(int to, int from) {
  if (to == from) return true;
  if (!fd_copy(to, from)) return false;
  close(from);
  return true;
}

bool fd_coe(int fd) { return fcntl(fd, F_SETFD, 1) != -1; }
bool fd_nocoe(int fd) { return fcntl(fd, F_SETFD, 0) != -1; }

bool fd_ndelay_on(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl == -1) return false;
  return fcntl(fd, F_SETFL, fl | O_NONBLOCK) != -1;
}

bool fd_ndelay_off(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl == -1) return false;
  return fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != -1;
}

long read_full(int fd, char* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, buf + got, n - got);
    if (r == -1) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    got += (size_t) r;
  }
  return (long) got;
}

bool write_all(int fd, const char* buf, size_t n) {
  while (n) {
    ssize_t w = write(fd, buf, n);
    if (w == -1) {
      if (errno == EINTR) continue;
      return false;
    }
    buf += w;
    n -= (size_t) w;
  }
  return true;
}

bool write_cstr(int fd, const char* s) { return write_all(fd, s, strlen(s)); }

bool file_commit(int fd, const char* tmp, const char* target) {
  if (!qm_fsync(fd)) {
    int e = errno;
    close(fd);
    errno = e;
    return false;
  }
  if (close(fd) == -1) return false;
  return rename(tmp, target) == 0;
}
