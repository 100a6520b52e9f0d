// recordio: run a program and log its input and output on stderr.
//
// Usage: recordio program [ arg ... ].  The program replaces recordio
// (same pid); a forked child passes data through unchanged and logs each
// chunk read (at most 256 bytes) on descriptor 2, split at LFs:
//   PID < text   (input; a trailing space: the piece ended with LF,
//   PID > text    '+': the chunk ended without one)
//   PID < [EOF] / PID > [EOF] at the end of each direction.
// Bytes are logged raw.  No privileges.  Exit: the program's; 100 usage;
// 111 when pipes, fork or exec fail.
#include "config.h"

#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/ucspi/relay.h"

static void die_usage() {
  msg_usage("recordio program [ arg ... ]");
  _exit(100);
}

struct Recorder {
  char pid[kFmtUlong];
  size_t pidlen;
  Bytes log;
};

static bool record(void* vctx, int dir, const char* buf, size_t n,
                   Bytes& out) {
  Recorder* r = (Recorder*) vctx;
  const char* arrow = dir == kRelayIn ? " < " : " > ";
  r->log.clear();
  if (n == 0) {
    if (!r->log.append(r->pid, r->pidlen) || !r->log.append(arrow) ||
        !r->log.append("[EOF]\n"))
      return false;
  }
  size_t i = 0;
  while (i < n) {
    size_t k = byte_chr(buf + i, n - i, '\n');
    bool lf = i + k < n;
    if (!r->log.append(r->pid, r->pidlen) || !r->log.append(arrow) ||
        !r->log.append(buf + i, k) || !r->log.append(lf ? " \n" : "+\n"))
      return false;
    i += k + (lf ? 1 : 0);
  }
  write_all(2, r->log.data(), r->log.len());
  return out.append(buf, n);
}

int main(int argc, char** argv) {
  msg_init("recordio");
  if (argc < 2) die_usage();
  Recorder rec;
  rec.pidlen = fmt_ulong(rec.pid, (unsigned long) getpid());
  relay_run(argv + 1, 256, record, &rec);
  _exit(111);
}
