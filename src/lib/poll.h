// poll.h: wait for any of several descriptors (select underneath, which
// every target has).  io_pause sets revents for each entry and returns
// the number of ready entries, 0 on timeout, -1 on error (EINTR included:
// signals interrupt the wait on purpose).  ms < 0 waits forever.  Entries
// with fd < 0 are ignored.  Safe after fork.
#ifndef QM_LIB_POLL_H
#define QM_LIB_POLL_H

enum { kPollIn = 1, kPollOut = 4 };

struct PollFd {
  int fd;
  short events;
  short revents;
};

int io_pause(PollFd* fds, unsigned int n, long ms);

#endif
