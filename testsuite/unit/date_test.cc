// Unit tests for the date module: calendar conversion both ways and the
// three qmail date formats (qmail-core §2.3).
#include "qtest.h"

#include <string>
#include "src/lib/date.h"

static std::string d822(unsigned long t) {
  DateTime d;
  date_from_unix(&d, t);
  char b[kFmtDate];
  return std::string(b, fmt_date822(b, &d));
}

static std::string dmbox(unsigned long t) {
  DateTime d;
  date_from_unix(&d, t);
  char b[kFmtDate];
  return std::string(b, fmt_date_mbox(b, &d));
}

static std::string dstamp(unsigned long t) {
  DateTime d;
  date_from_unix(&d, t);
  char b[kFmtDate];
  return std::string(b, fmt_date_stamp(b, &d));
}

int main() {
  TestState t;
  // 2000-08-02 01:24:57 UTC = 965179497.
  t.testrun(d822(965179497UL) == "2 Aug 2000 01:24:57 -0000", "RFC 822 date");
  t.testrun(dmbox(965179497UL) == "Wed Aug 02 01:24:57 2000",
            "mbox date, zero-padded day");
  t.testrun(dstamp(965179497UL) == "20000802012457", "Message-ID stamp");
  t.testrun(d822(0) == "1 Jan 1970 00:00:00 -0000" &&
                dmbox(0) == "Thu Jan 01 00:00:00 1970",
            "epoch");
  t.testrun(d822(951782400UL) == "29 Feb 2000 00:00:00 -0000",
            "leap day 2000");
  t.testrun(d822(4133980799UL) == "31 Dec 2100 23:59:59 -0000",
            "end of 2100 (not a leap year)");
  t.testrun(d822(2147483648UL) == "19 Jan 2038 03:14:08 -0000",
            "past 2^31 seconds");
  bool ok = true;
  for (unsigned long s = 0; s < 4102444800UL && ok; s += 86400UL * 37 + 3601) {
    DateTime d;
    date_from_unix(&d, s);
    ok = date_to_unix(&d) == s;
  }
  t.testrun(ok, "round trip 1970..2100");
  char b[64];
  t.testrun(std::string(b, fmt_log_stamp(b, 964774365UL, 229748UL)) ==
                    "964774365.229748" &&
                std::string(b, fmt_log_stamp(b, 5, 7)) == "5.000007",
            "log stamp");
  t.testrun(now_sec() > 1500000000UL, "now_sec");
  return 0;
}
