// relay.cc: fork a copying child and exec the program; see relay.h.
#include "config.h"
#include "src/ucspi/relay.h"

#include <signal.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"
#include "src/lib/poll.h"
#include "src/lib/spawn.h"

enum { kMaxChunk = 8192 };

// Read one chunk from src and pass it through fn to dst.  Returns 1 to go
// on, 0 at end of input, -1 when dst cannot take more.
static int pump(int src, int dst, int dir, size_t chunk, RelayFn fn,
                void* ctx, Bytes& out) {
  char buf[kMaxChunk];
  long r;
  do
    r = read(src, buf, chunk);
  while (r == -1 && errno == EINTR);
  if (r == -1) r = 0;  // a broken input counts as its end
  out.clear();
  if (!fn(ctx, dir, buf, (size_t) r, out)) _exit(111);
  if (out.len() && dst != -1 && !write_all(dst, out.data(), out.len()))
    return -1;
  return r ? 1 : 0;
}

static void child(int in_dst, int out_src, size_t chunk, RelayFn fn,
                  void* ctx) {
  signal(SIGPIPE, SIG_IGN);
  Bytes out;
  int in_src = 0;
  for (;;) {
    PollFd p[2];
    p[0].fd = in_src;
    p[0].events = kPollIn;
    p[1].fd = out_src;
    p[1].events = kPollIn;
    if (io_pause(p, 2, -1) == -1) {
      if (errno == EINTR) continue;
      _exit(111);
    }
    if (p[0].revents) {
      int r = pump(in_src, in_dst, kRelayIn, chunk, fn, ctx, out);
      if (r <= 0) {
        // The program sees end of input; we stop reading ours.
        close(in_dst);
        in_dst = -1;
        if (r == 0) in_src = -1;
      }
      if (r < 0) in_src = -1;
    }
    if (p[1].revents) {
      int r = pump(out_src, 1, kRelayOut, chunk, fn, ctx, out);
      if (r < 0) _exit(111);
      if (r == 0) _exit(0);
    }
  }
}

void relay_run(char* const* argv, size_t chunk, RelayFn fn, void* ctx) {
  if (chunk > kMaxChunk) chunk = kMaxChunk;
  int pin[2], pout[2];
  if (pipe(pin) == -1 || pipe(pout) == -1) {
    msg_fatal_sys("unable to create pipe");
    return;
  }
  int pid = fork();
  if (pid == -1) {
    msg_fatal_sys("unable to fork");
    return;
  }
  if (pid == 0) {
    close(pin[0]);
    close(pout[1]);
    child(pin[1], pout[0], chunk, fn, ctx);
    _exit(111);
  }
  close(pin[1]);
  close(pout[0]);
  if (!fd_move(0, pin[0]) || !fd_move(1, pout[1])) {
    msg_fatal_sys("unable to move descriptors");
    return;
  }
  path_exec(argv);
  msg_fatal_sys("unable to run ", argv[0]);
}
