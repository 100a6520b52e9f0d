// predate: run a program with a Date: line in local time in front of its
// input (pop3-qmqp-tools §7.6).
//
// Run as predate child [ arg ... ], usually through datemail.  Writes
// "Date: D Mon YYYY HH:MM:SS +hhmm\n" (the zone offset found by comparing
// the local and UTC broken-down times of one instant, so it works without
// tm_gmtoff), then copies descriptor 0, into a pipe read by the child.
// Exit: the child's exit code; 111 for a crash or a pipe, fork or copy
// failure; 100 for usage.
#include "config.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/mail/runchild.h"

static long days(const struct tm* t) {
  long y = t->tm_year + 1899L;
  return y * 365 + y / 4 - y / 100 + y / 400 + t->tm_yday;
}

static bool make_date(Bytes& out) {
  static const char* const kMon[12] = {"Jan", "Feb", "Mar", "Apr", "May",
                                       "Jun", "Jul", "Aug", "Sep", "Oct",
                                       "Nov", "Dec"};
  time_t now = time(0);
  struct tm gt = *gmtime(&now);
  struct tm lt = *localtime(&now);
  long diff = ((days(&lt) - days(&gt)) * 24 + lt.tm_hour - gt.tm_hour) * 60 +
              lt.tm_min - gt.tm_min;
  long sec = lt.tm_sec - gt.tm_sec;  // leap seconds: round to a minute
  if (sec >= 30) ++diff;
  if (sec <= -30) --diff;
  char sign = diff < 0 ? '-' : '+';
  if (diff < 0) diff = -diff;
  char b[kFmtUlong];
  bool ok = out.copy("Date: ") && out.append_ulong((unsigned long) lt.tm_mday) &&
            out.append_byte(' ') && out.append(kMon[lt.tm_mon % 12]) &&
            out.append_byte(' ') && out.append_ulong(lt.tm_year + 1900UL) &&
            out.append_byte(' ');
  ok = ok && out.append(b, fmt_ulong0(b, (unsigned long) lt.tm_hour, 2)) &&
       out.append_byte(':') &&
       out.append(b, fmt_ulong0(b, (unsigned long) lt.tm_min, 2)) &&
       out.append_byte(':') &&
       out.append(b, fmt_ulong0(b, (unsigned long) lt.tm_sec, 2)) &&
       out.append_byte(' ') && out.append_byte(sign);
  return ok && out.append(b, fmt_ulong0(b, (unsigned long) (diff / 60), 2)) &&
         out.append(b, fmt_ulong0(b, (unsigned long) (diff % 60), 2)) &&
         out.append_byte('\n');
}

int main(int argc, char** argv) {
  msg_init("predate");
  if (argc < 2) {
    msg_usage("predate child [ arg ... ]");
    _exit(100);
  }
  qm_sig_ignore(SIGPIPE);
  Bytes date;
  if (!make_date(date)) {
    msg_fatal("out of memory");
    _exit(111);
  }
  int code = run_feed(argv + 1, date.data(), date.len(), 0);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  _exit(code);
}
