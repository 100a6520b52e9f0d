// remoteinfo.cc: RFC 1413 client; see remoteinfo.h.
#include "config.h"
#include "src/ucspi/remoteinfo.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/fd.h"
#include "src/lib/net.h"
#include "src/lib/poll.h"

enum { kMaxInfo = 256 };

static bool talk(int fd, Bytes& out, unsigned int rport, unsigned int lport,
                 unsigned long end) {
  Bytes q;
  if (!q.append_ulong(rport) || !q.append(" , ") || !q.append_ulong(lport) ||
      !q.append("\r\n") || !write_all(fd, q.data(), q.len()))
    return false;
  int colons = 0;
  for (;;) {
    unsigned long now = now_sec();
    if (now >= end) {
      errno = ETIMEDOUT;
      return false;
    }
    PollFd p;
    p.fd = fd;
    p.events = kPollIn;
    int r = io_pause(&p, 1, (long) (end - now) * 1000);
    if (r == -1 && errno != EINTR) return false;
    if (r <= 0) continue;
    char buf[128];
    long n = read(fd, buf, sizeof buf);
    if (n == -1 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EPROTO;
      return false;
    }
    for (long i = 0; i < n; ++i) {
      char c = buf[i];
      if (c == '\n') return true;
      if (colons < 3) {
        if (c == ':') ++colons;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        if (!out.append_byte(c)) return false;
        if (out.len() > kMaxInfo) return true;
      }
    }
  }
}

bool remoteinfo(Bytes& out, const char localip[16], unsigned int localport,
                const char remoteip[16], unsigned int remoteport,
                unsigned int timeout) {
  out.clear();
  unsigned long end = now_sec() + timeout;
  int fd = net_tcp(remoteip);
  if (fd == -1) return false;
  fd_coe(fd);
  bool ok = net_bind(fd, localip, 0, false) &&
            net_connect(fd, remoteip, 113, timeout ? timeout : 1) &&
            talk(fd, out, remoteport, localport, end);
  int e = errno;
  close(fd);
  errno = e;
  return ok;
}
