// io.cc: Input and Output.
#include "config.h"
#include "src/lib/io.h"

#include <sys/types.h>
#include <sys/time.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_SELECT_H
#include <sys/select.h>
#endif
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/fmt.h"

enum { kForever = 365 * 86400 };

static bool io_wait(int fd, unsigned int seconds, bool for_write) {
  if (seconds == 0) return true;
  struct timeval deadline;
  gettimeofday(&deadline, 0);
  deadline.tv_sec += (long) seconds;
  for (;;) {
    struct timeval now, tv;
    gettimeofday(&now, 0);
    tv.tv_sec = deadline.tv_sec - now.tv_sec;
    tv.tv_usec = deadline.tv_usec - now.tv_usec;
    if (tv.tv_usec < 0) {
      tv.tv_usec += 1000000;
      --tv.tv_sec;
    }
    if (tv.tv_sec < 0) {
      errno = ETIMEDOUT;
      return false;
    }
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fd, &fds);
    int r = select(fd + 1, for_write ? 0 : &fds, for_write ? &fds : 0, 0, &tv);
    if (r > 0) return true;
    if (r == 0) {
      errno = ETIMEDOUT;
      return false;
    }
    if (errno != EINTR) return false;
  }
}

bool io_wait_read(int fd, unsigned int seconds) {
  return io_wait(fd, seconds, false);
}

bool io_wait_write(int fd, unsigned int seconds) {
  return io_wait(fd, seconds, true);
}

Input::Input(int fd, char* buf, size_t size)
    : fd_(fd), buf_(buf), size_(size), pos_(0), end_(0), timeout_(0),
      op_(0), ctx_(0) {}

long Input::fill() {
  if (pos_ < end_) return (long) (end_ - pos_);
  pos_ = end_ = 0;
  for (;;) {
    if (timeout_ && !io_wait(fd_, timeout_, false)) return -1;
    long r;
    if (op_)
      r = op_(fd_, buf_, size_, ctx_);
    else
      r = (long) read(fd_, buf_, size_);
    if (r == -1 && errno == EINTR) continue;
    if (r > 0) end_ = (size_t) r;
    return r;
  }
}

void Input::skip(size_t n) {
  if (n > end_ - pos_) n = end_ - pos_;
  pos_ += n;
}

long Input::get(char* out, size_t n) {
  if (n == 0) return 0;
  long r = fill();
  if (r <= 0) return r;
  size_t k = (size_t) r < n ? (size_t) r : n;
  memcpy(out, buf_ + pos_, k);
  pos_ += k;
  return (long) k;
}

int Input::get_char(char* c) {
  long r = get(c, 1);
  return r < 0 ? -1 : (int) r;
}

int Input::get_exact(char* out, size_t n) {
  while (n) {
    long r = get(out, n);
    if (r <= 0) return (int) r;
    out += r;
    n -= (size_t) r;
  }
  return 1;
}

int Input::get_line(Bytes& line, char sep, size_t max) {
  line.clear();
  bool overlong = false;
  for (;;) {
    long r = fill();
    if (r < 0) return -1;
    if (r == 0) return 0;
    const char* p = buf_ + pos_;
    const void* q = memchr(p, sep, (size_t) r);
    size_t take = q ? (size_t) ((const char*) q - p) + 1 : (size_t) r;
    size_t keep = take;
    if (max) {
      size_t room = line.len() < max ? max - line.len() : 0;
      if (keep > room) {
        keep = room;
        overlong = true;
      }
    }
    if (keep && !line.append(p, keep)) return -1;
    pos_ += take;
    if (q) return overlong ? 2 : 1;
  }
}

Output::Output(int fd, char* buf, size_t size)
    : fd_(fd), buf_(buf), size_(size), len_(0), timeout_(0), op_(0),
      ctx_(0) {}

bool Output::write_out(const char* s, size_t n) {
  while (n) {
    if (timeout_ && !io_wait(fd_, timeout_, true)) return false;
    long w;
    if (op_)
      w = op_(fd_, (char*) s, n, ctx_);
    else
      w = (long) write(fd_, s, n);
    if (w == -1) {
      if (errno == EINTR) continue;
      // A non-blocking fd: wait for room instead of spinning.
      if (errno == EAGAIN &&
          io_wait(fd_, timeout_ ? timeout_ : (unsigned int) kForever, true))
        continue;
      return false;
    }
    if (w == 0) {
      errno = EPIPE;
      return false;
    }
    s += w;
    n -= (size_t) w;
  }
  return true;
}

bool Output::flush() {
  if (!len_) return true;
  size_t n = len_;
  len_ = 0;
  return write_out(buf_, n);
}

bool Output::put(const char* s, size_t n) {
  if (n <= size_ - len_) {
    memcpy(buf_ + len_, s, n);
    len_ += n;
    return true;
  }
  if (!flush()) return false;
  // Large writes bypass the buffer.
  if (n >= size_) return write_out(s, n);
  memcpy(buf_, s, n);
  len_ = n;
  return true;
}

bool Output::puts(const char* s) { return put(s, strlen(s)); }

bool Output::put_bytes(const Bytes& b) { return put(b.data(), b.len()); }

bool Output::put_ulong(unsigned long u) {
  char tmp[kFmtUlong];
  return put(tmp, fmt_ulong(tmp, u));
}
