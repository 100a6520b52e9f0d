// dtline.cc: Delivered-To, Return-Path and From_ lines; the loop check.
#include "config.h"
#include "src/mail/dtline.h"

#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/io.h"
#include "src/mail/quote.h"

// Replace every '\n' in out from offset start on with c.
static void map_newlines(Bytes& out, size_t start, char c) {
  char* p = out.data();
  for (size_t i = start; i < out.len(); ++i)
    if (p[i] == '\n') p[i] = c;
}

bool dtline_make(Bytes& out, const char* recipient, size_t n) {
  if (!out.copy("Delivered-To: ") || !out.append(recipient, n)) return false;
  map_newlines(out, 0, '_');
  return out.append_byte('\n');
}

bool rpline_make(Bytes& out, const char* sender, size_t n) {
  if (!out.copy("Return-Path: <") || !quote_addr(out, sender, n) ||
      !out.append_byte('>'))
    return false;
  map_newlines(out, 0, '_');
  return out.append_byte('\n');
}

bool ufline_make(Bytes& out, const char* sender, size_t n,
                 unsigned long when) {
  if (!out.copy("From ")) return false;
  if (n == 0) {
    if (!out.append("MAILER-DAEMON")) return false;
  } else {
    size_t start = out.len();
    if (!out.append(sender, n)) return false;
    char* p = out.data();
    for (size_t i = start; i < out.len(); ++i)
      if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n') p[i] = '-';
  }
  DateTime d;
  date_from_unix(&d, when);
  char buf[kFmtDate];
  size_t len = fmt_date_mbox(buf, &d);
  return out.append_byte(' ') && out.append(buf, len) && out.append_byte('\n');
}

int dtline_seen(int fd, const Bytes& dtline) {
  char buf[4096];
  Input in(fd, buf, sizeof buf);
  Bytes line;
  size_t want = dtline.len() ? dtline.len() - 1 : 0;
  for (;;) {
    // One byte more than a match can have: an overlong line is cut (2)
    // and can then never compare equal.
    int r = in.get_line(line, '\n', want + 1);
    if (r == -1) return -1;
    if (r == 1 && line.len() == 1) return 0;   // the empty line: header ends
    if (r == 1 && line.len() == want + 1 &&
        line.equals(dtline.data(), want + 1))
      return 1;
    if (r == 0) return 0;
  }
}
