// mconnect-io: the terminal side of mconnect, run under tcpclient.
//
// A child copies stdin to descriptor 7 (the connection), putting CR
// before every LF, and exits at the end of stdin without shutting the
// connection down; the parent copies descriptor 6 to stdout unchanged
// until the server closes, then stops the child.  No privileges.  Exit 0;
// 111 on fork or write errors.
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/wait.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"

static void die_fork() {
  msg_fatal_sys("unable to fork");
  _exit(111);
}

static void send_input() {
  char ibuf[1024], obuf[1024];
  Input in(0, ibuf, sizeof ibuf);
  Output out(7, obuf, sizeof obuf);
  for (;;) {
    long r = in.fill();
    if (r <= 0) break;
    const char* p = in.peek();
    size_t n = in.avail();
    for (size_t i = 0; i < n; ++i)
      if ((p[i] == '\n' && !out.put_char('\r')) || !out.put_char(p[i]))
        _exit(111);
    in.skip(n);
    // Interactive use: every chunk goes out at once.
    if (!out.flush()) _exit(111);
  }
  _exit(out.flush() ? 0 : 111);
}

int main() {
  msg_init("mconnect-io");
  int pid = fork();
  if (pid == -1) die_fork();
  if (pid == 0) send_input();
  char buf[4096];
  for (;;) {
    long r = read(6, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) break;
    if (!write_all(1, buf, (size_t) r)) break;
  }
  kill(pid, SIGTERM);
  int status;
  qm_wait_pid(&status, pid);
  _exit(0);
}
