// poll.cc: io_pause on select.
#include "config.h"
#include "src/lib/poll.h"

#include <sys/types.h>
#include <sys/time.h>
#include <unistd.h>
#ifdef HAVE_SYS_SELECT_H
#include <sys/select.h>
#endif
#include "compat/errno_compat.h"

int io_pause(PollFd* fds, unsigned int n, long ms) {
  fd_set rfds, wfds;
  FD_ZERO(&rfds);
  FD_ZERO(&wfds);
  int maxfd = -1;
  for (unsigned int i = 0; i < n; ++i) {
    fds[i].revents = 0;
    int fd = fds[i].fd;
    if (fd < 0) continue;
    if (fd >= (int) FD_SETSIZE) {
      errno = EINVAL;
      return -1;
    }
    if (fds[i].events & kPollIn) FD_SET(fd, &rfds);
    if (fds[i].events & kPollOut) FD_SET(fd, &wfds);
    if (fd > maxfd) maxfd = fd;
  }
  struct timeval tv;
  struct timeval* tvp = 0;
  if (ms >= 0) {
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    tvp = &tv;
  }
  int r = select(maxfd + 1, &rfds, &wfds, 0, tvp);
  if (r <= 0) return r;
  int ready = 0;
  for (unsigned int i = 0; i < n; ++i) {
    int fd = fds[i].fd;
    if (fd < 0) continue;
    if ((fds[i].events & kPollIn) && FD_ISSET(fd, &rfds))
      fds[i].revents |= kPollIn;
    if ((fds[i].events & kPollOut) && FD_ISSET(fd, &wfds))
      fds[i].revents |= kPollOut;
    if (fds[i].revents) ++ready;
  }
  return ready;
}
