// delcr: copy stdin to stdout, removing the CR of every CR LF.
//
// Started from the shell or a script (who@, finger@ ...); no privileges.
// Only one CR directly before an LF goes; other CRs stay, including a CR
// at the very end of the input.  Exit 0, or 111 on read/write errors.
#include "config.h"

#include "src/lib/io.h"

int main() {
  char ibuf[8192], obuf[8192];
  Input in(0, ibuf, sizeof ibuf);
  Output out(1, obuf, sizeof obuf);
  bool held = false;  // a CR waiting to see what follows
  for (;;) {
    long r = in.fill();
    if (r < 0) return 111;
    if (r == 0) break;
    const char* p = in.peek();
    size_t n = in.avail();
    for (size_t i = 0; i < n; ++i) {
      char c = p[i];
      if (held && c != '\n' && !out.put_char('\r')) return 111;
      held = c == '\r';
      if (!held && !out.put_char(c)) return 111;
    }
    in.skip(n);
  }
  if (held && !out.put_char('\r')) return 111;
  return out.flush() ? 0 : 111;
}
