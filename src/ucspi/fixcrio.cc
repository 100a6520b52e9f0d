// fixcrio: run a program, putting CR before bare LFs in both directions.
//
// Usage: fixcrio program [ arg ... ].  The program replaces fixcrio (same
// pid); a forked child copies fixcrio's stdin to the program's stdin and
// the program's stdout to fixcrio's stdout, inserting CR before any LF
// not already preceded by CR.  No privileges; trusts nothing.  Exit: the
// program's; 100 usage; 111 when pipes, fork or exec fail.
#include "config.h"

#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/msg.h"
#include "src/ucspi/relay.h"

static void die_usage() {
  msg_usage("fixcrio program [ arg ... ]");
  _exit(100);
}

// The last byte seen in each direction.
struct LastCr {
  bool cr[2];
};

static bool fix(void* vctx, int dir, const char* buf, size_t n, Bytes& out) {
  LastCr* st = (LastCr*) vctx;
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] == '\n' && !st->cr[dir] && !out.append_byte('\r')) return false;
    st->cr[dir] = buf[i] == '\r';
    if (!out.append_byte(buf[i])) return false;
  }
  return true;
}

int main(int argc, char** argv) {
  msg_init("fixcrio");
  if (argc < 2) die_usage();
  LastCr st;
  st.cr[0] = st.cr[1] = false;
  relay_run(argv + 1, 8192, fix, &st);
  _exit(111);
}
