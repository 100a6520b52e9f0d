// trigger.cc: FIFO wake-ups.
#include "config.h"
#include "src/lib/trigger.h"

#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/fd.h"

void trigger_pull(const char* fifo) {
  int fd = open(fifo, O_WRONLY | O_NONBLOCK);
  if (fd == -1) return;
  char c = 0;
  ssize_t w = write(fd, &c, 1);
  (void) w;
  close(fd);
}

Trigger::Trigger() : path_(0), rfd_(-1), wfd_(-1) {}

Trigger::~Trigger() { close(); }

void Trigger::close() {
  if (rfd_ != -1) ::close(rfd_);
  if (wfd_ != -1) ::close(wfd_);
  rfd_ = wfd_ = -1;
}

bool Trigger::open(const char* fifo, bool hold_write) {
  close();
  path_ = fifo;
  rfd_ = ::open(fifo, O_RDONLY | O_NONBLOCK);
  if (rfd_ == -1) return false;
  fd_coe(rfd_);
#ifdef QM_FIFO_EOF_BUG
  hold_write = true;
#endif
  if (hold_write) {
    wfd_ = ::open(fifo, O_WRONLY | O_NONBLOCK);
    if (wfd_ == -1) {
      int e = errno;
      close();
      errno = e;
      return false;
    }
    fd_coe(wfd_);
  }
  return true;
}

bool Trigger::drain() {
  char buf[64];
  for (;;) {
    ssize_t r = read(rfd_, buf, sizeof buf);
    if (r > 0) continue;
    if (r == -1 && errno == EINTR) continue;
    if (r == -1 && errno != EAGAIN) return false;
    // r == 0: every writer closed; without a held write fd the FIFO now
    // selects readable forever, so start over with a fresh open.
    if (r == 0 && wfd_ == -1) return open(path_, false);
    return true;
  }
}
