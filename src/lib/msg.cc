// msg.cc: "prog: fatal: ..." lines.
#include "config.h"
#include "src/lib/msg.h"

#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/errstr.h"

static const char* g_prog = "qmail";

void msg_init(const char* progname) { g_prog = progname; }
const char* msg_prog() { return g_prog; }

enum { kLineMax = 2048 };

// Build the line in a fixed buffer (no allocation, so it works when
// memory is exhausted) and truncate what does not fit.
static void add(char* buf, size_t* len, const char* s) {
  if (!s) return;
  size_t n = strlen(s);
  if (n > kLineMax - 1 - *len) n = kLineMax - 1 - *len;
  memcpy(buf + *len, s, n);
  *len += n;
}

void msg_line(const char* kind, const char* a, const char* b, const char* c,
              const char* d, const char* e, const char* f, bool with_errno) {
  int saved = errno;
  char buf[kLineMax];
  size_t len = 0;
  add(buf, &len, g_prog);
  add(buf, &len, ": ");
  if (kind) {
    add(buf, &len, kind);
    add(buf, &len, ": ");
  }
  add(buf, &len, a);
  add(buf, &len, b);
  add(buf, &len, c);
  add(buf, &len, d);
  add(buf, &len, e);
  add(buf, &len, f);
  if (with_errno) {
    add(buf, &len, ": ");
    add(buf, &len, errstr(saved));
  }
  buf[len++] = '\n';
  const char* p = buf;
  while (len) {
    ssize_t w = write(2, p, len);
    if (w == -1) {
      if (errno == EINTR) continue;
      break;
    }
    p += w;
    len -= (size_t) w;
  }
  errno = saved;
}

void msg_fatal(const char* a, const char* b, const char* c, const char* d,
               const char* e, const char* f) {
  msg_line("fatal", a, b, c, d, e, f, false);
}

void msg_fatal_sys(const char* a, const char* b, const char* c,
                   const char* d, const char* e, const char* f) {
  msg_line("fatal", a, b, c, d, e, f, true);
}

void msg_warn(const char* a, const char* b, const char* c, const char* d,
              const char* e, const char* f) {
  msg_line("warning", a, b, c, d, e, f, false);
}

void msg_warn_sys(const char* a, const char* b, const char* c, const char* d,
                  const char* e, const char* f) {
  msg_line("warning", a, b, c, d, e, f, true);
}

void msg_usage(const char* synopsis) { msg_line("usage", synopsis); }

bool msg_clean(Bytes& out, const char* s, size_t n) {
  if (!out.copy(s, n)) return false;
  char* p = out.data();
  for (size_t i = 0; i < n; ++i)
    if ((unsigned char) p[i] < 32 || (unsigned char) p[i] > 126) p[i] = '?';
  return true;
}
