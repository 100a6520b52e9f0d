// received.cc: build the Received: line of the network servers.
#include "config.h"
#include "src/mail/received.h"

#include "src/lib/bytes.h"
#include "src/lib/date.h"

static bool is_safe(char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  switch (c) {
    case '.': case '@': case '%': case '+': case '/': case '=': case ':':
    case '-':
      return true;
  }
  return false;
}

bool received_safe(Bytes& out, const char* s) {
  for (; *s; ++s)
    if (!out.append_byte(is_safe(*s) ? *s : '?')) return false;
  return true;
}

bool received_line(Bytes& out, const char* protocol, const char* local,
                   const char* remoteip, const char* remotehost,
                   const char* remoteinfo, const char* helo,
                   unsigned long when) {
  if (!out.append("Received: from ") || !received_safe(out, remotehost))
    return false;
  if (helo) {
    if (!out.append(" (HELO ") || !received_safe(out, helo) ||
        !out.append_byte(')'))
      return false;
  }
  if (!out.append(" (")) return false;
  if (remoteinfo) {
    if (!received_safe(out, remoteinfo) || !out.append_byte('@'))
      return false;
  }
  if (!received_safe(out, remoteip) || !out.append(")\n  by ") ||
      !received_safe(out, local) || !out.append(" with ") ||
      !out.append(protocol) || !out.append("; "))
    return false;
  DateTime dt;
  char buf[kFmtDate];
  date_from_unix(&dt, when);
  size_t n = fmt_date822(buf, &dt);
  return out.append(buf, n) && out.append_byte('\n');
}
