// addcr: copy stdin to stdout, putting CR before every LF.
//
// Started from the shell or a script; no privileges; trusts nothing.
// Arguments are ignored.  Every LF gets a CR in front, even one that
// already follows a CR; a final partial line is copied as it is.
// Exit 0, or 111 if reading or writing fails.
#include "config.h"

#include "src/lib/io.h"

int main() {
  char ibuf[8192], obuf[8192];
  Input in(0, ibuf, sizeof ibuf);
  Output out(1, obuf, sizeof obuf);
  for (;;) {
    long r = in.fill();
    if (r < 0) return 111;
    if (r == 0) break;
    const char* p = in.peek();
    size_t n = in.avail();
    for (size_t i = 0; i < n; ++i)
      if ((p[i] == '\n' && !out.put_char('\r')) || !out.put_char(p[i]))
        return 111;
    in.skip(n);
  }
  return out.flush() ? 0 : 111;
}
