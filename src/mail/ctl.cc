// ctl.cc: "line, default me" control files.
#include "config.h"
#include "src/mail/ctl.h"

#include "src/lib/bytes.h"
#include "src/lib/control.h"

int ctl_line_me(Bytes& out, const char* file, const char* fallback) {
  int r = control_read_line(out, file);
  if (r != 0) return r;
  r = control_read_line(out, "control/me");
  if (r != 0) return r;
  if (!fallback) return 0;
  return out.copy(fallback) ? 1 : -1;
}
