// date.h: calendar arithmetic in UTC without the C library's time zone
// machinery, and the date formats of qmail (spec qmail-core §2.3):
//   RFC 822:  "2 Aug 2000 01:24:57 -0000"
//   mbox:     "Wed Aug 02 01:24:57 2000"
//   stamp:    "20000802012457" (Message-ID)
// Formatters write to the caller's buffer (kFmtDate bytes are enough) and
// return the length, no NUL.  Pure functions, safe in signal handlers.
#ifndef QM_LIB_DATE_H
#define QM_LIB_DATE_H

#include <stddef.h>

enum { kFmtDate = 64 };

struct DateTime {
  int year;   // e.g. 2000
  int mon;    // 0..11
  int mday;   // 1..31
  int hour;
  int min;
  int sec;
  int wday;   // 0 = Sunday
};

void date_from_unix(DateTime* d, unsigned long t);
unsigned long date_to_unix(const DateTime* d);

size_t fmt_date822(char* s, const DateTime* d);
size_t fmt_date_mbox(char* s, const DateTime* d);
size_t fmt_date_stamp(char* s, const DateTime* d);

// Current time: seconds and microseconds since the epoch.
void now_tv(unsigned long* sec, unsigned long* usec);
unsigned long now_sec();
// The log stamp splogger adds: "964774365.229748".
size_t fmt_log_stamp(char* s, unsigned long sec, unsigned long usec);

#endif
