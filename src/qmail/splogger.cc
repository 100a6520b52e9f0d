// splogger: copy log lines from stdin to syslog.
//
// Usage: splogger [ tag [ facility ] ].  Started by qmail-start as qmaill
// (or in a pipeline after qmail-smtpd).  Each non-empty input line is
// logged as "<sec>.<usec> <line>" with the tag (default "splogger") and
// the numeric facility (default 2, mail); lines starting "alert:" go out
// at LOG_ALERT, "warning:" at LOG_WARNING, the rest at LOG_INFO.  Bytes
// outside 32..126 become '?'; lines longer than 799 characters continue
// in further entries "<same stamp>+<rest>".  The input is untrusted
// text.  Exit 0 at end of input.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/logsys.h"
#include "src/lib/date.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"

enum { kPiece = 799 };

static char g_line[kPiece + 1];
static size_t g_len = 0;
static char g_stamp[kFmtDate + 2];
static size_t g_stamplen = 0;
static int g_kind = 0;
static bool g_cont = false;

static void flush_piece() {
  char out[kFmtDate + kPiece + 8];
  size_t n = 0;
  for (size_t i = 0; i < g_stamplen; ++i) out[n++] = g_stamp[i];
  out[n++] = g_cont ? '+' : ' ';
  for (size_t i = 0; i < g_len; ++i) out[n++] = g_line[i];
  out[n] = 0;
  qm_syslog_line(g_kind, out);
  g_len = 0;
  g_cont = true;
}

static void take(char c) {
  if (c == '\n') {
    if (g_len || g_cont) {
      if (g_len) flush_piece();
    }
    g_len = 0;
    g_cont = false;
    return;
  }
  if (!g_len && !g_cont) {
    unsigned long sec, usec;
    now_tv(&sec, &usec);
    g_stamplen = fmt_log_stamp(g_stamp, sec, usec);
    g_kind = 0;
  }
  if ((unsigned char) c < 32 || (unsigned char) c > 126) c = '?';
  g_line[g_len++] = c;
  if (!g_cont && g_len == 6 && byte_equal(g_line, "alert:", 6)) g_kind = 2;
  if (!g_cont && g_len == 8 && byte_equal(g_line, "warning:", 8)) g_kind = 1;
  if (g_len == kPiece) flush_piece();
}

int main(int argc, char** argv) {
  const char* tag = argc > 1 ? argv[1] : "splogger";
  unsigned int fac = 2;
  if (argc > 2) scan_uint_cstr(argv[2], &fac);
  qm_syslog_open(tag, (int) fac);
  char buf[4096];
  for (;;) {
    ssize_t r = read(0, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) break;
    for (ssize_t i = 0; i < r; ++i) take(buf[i]);
  }
  if (g_len) flush_piece();
  return 0;
}
