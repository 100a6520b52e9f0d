// mbox.cc: mbox quoting, locking and appending.
#include "config.h"
#include "src/mail/mbox.h"

#include <sys/types.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/lock.h"
#include "compat/sync.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/poll.h"

// The quoting runs as a small state machine over whatever the buffer
// holds, so a ">*From " split across two reads is still seen: at a line
// start the '>' run is copied as it comes, then up to five bytes matching
// "From " are held back; a full match writes one extra '>' before them.
// (One more '>' anywhere in the run gives the same bytes as in front.)
int mbox_copy_quoted(Input& in, Output& out) {
  static const char kFrom[] = "From ";
  bool at_start = true;  // inside the line's ">*From " prefix
  size_t matched = 0;    // bytes of "From " held back
  char last = '\n';
  for (;;) {
    long r = in.fill();
    if (r < 0) return -1;
    if (r == 0) break;
    const char* p = in.peek();
    size_t n = in.avail();
    size_t i = 0;
    while (i < n && at_start) {
      char c = p[i];
      if (matched == 0 && c == '>') {
        if (!out.put_char(c)) return -2;
        ++i;
        continue;
      }
      if (c == kFrom[matched]) {
        ++i;
        if (++matched == 5) {
          if (!out.put(">From ", 6)) return -2;
          matched = 0;
          at_start = false;
        }
        continue;
      }
      if (matched && !out.put(kFrom, matched)) return -2;
      matched = 0;
      at_start = false;
    }
    if (i < n) {
      const char* nl = (const char*) memchr(p + i, '\n', n - i);
      size_t take = nl ? (size_t) (nl - (p + i)) + 1 : n - i;
      if (!out.put(p + i, take)) return -2;
      i += take;
      if (nl) at_start = true;
    }
    last = p[i - 1];
    in.skip(i);
  }
  if (matched && !out.put(kFrom, matched)) return -2;
  if (matched) last = kFrom[matched - 1];
  if (last != '\n' && !out.put_char('\n')) return -2;
  if (!out.put_char('\n') || !out.flush()) return -2;
  return 0;
}

int mbox_lock(int fd, unsigned int seconds) {
  // Poll the non-blocking lock; a blocking lock with an alarm would need
  // a signal handler in every caller.  Contention is rare and short.
  for (unsigned long waited = 0;; waited += 100) {
    if (qm_lock_exnb(fd)) return 1;
    if (errno != EAGAIN && errno != EACCES
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
        && errno != EWOULDBLOCK
#endif
        && errno != EINTR)
      return -1;
    if (waited >= (unsigned long) seconds * 1000) return 0;
    io_pause(0, 0, 100);
  }
}

int mbox_deliver(const char* path, const char* prefix, size_t prefix_len,
                 int msgfd, unsigned int lock_wait) {
  int fd = open_append(path);
  if (fd == -1) return kMboxOpen;
  int locked = mbox_lock(fd, lock_wait);
  if (locked == 0) {
    close(fd);
    errno = ETIMEDOUT;
    return kMboxLocked;
  }
  off_t pos = lseek(fd, 0, SEEK_END);
  char ibuf[8192], obuf[8192];
  Input in(msgfd, ibuf, sizeof ibuf);
  Output out(fd, obuf, sizeof obuf);
  int code = kMboxOk;
  if (pos == (off_t) -1) code = kMboxWrite;
  if (!code && !out.put(prefix, prefix_len)) code = kMboxWrite;
  if (!code) {
    int r = mbox_copy_quoted(in, out);
    if (r == -1) code = kMboxReadMsg;
    if (r == -2) code = kMboxWrite;
  }
  if (!code && !qm_fsync(fd)) code = kMboxWrite;
  int e = errno;
  // Cut a partial entry back off, but only when we held the lock: without
  // it another writer may have appended after us.
  if (code && locked == 1 && pos != (off_t) -1) {
    if (ftruncate(fd, pos) == 0) qm_fsync(fd);
  }
  if (close(fd) == -1 && !code) {
    e = errno;
    code = kMboxWrite;
  }
  errno = e;
  return code;
}
