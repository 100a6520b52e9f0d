// Unit tests for scan/fmt: digits, overflow refusal, padding, bases.
#include "qtest.h"

#include <string.h>
#include "src/lib/fmt.h"
#include "src/lib/scan.h"

static std::string f(size_t (*fn)(char*, unsigned long), unsigned long u) {
  char buf[kFmtUlong];
  return std::string(buf, fn(buf, u));
}

int main() {
  TestState t;
  unsigned long u = 7;
  t.testrun(scan_ulong("123abc", 6, &u) == 3 && u == 123, "scan leading digits");
  u = 7;
  t.testrun(scan_ulong("abc", 3, &u) == 0 && u == 7, "no digit leaves value");
  t.testrun(scan_ulong("", 0, &u) == 0, "empty");
  t.testrun(scan_ulong("99999", 2, &u) == 2 && u == 99, "length bound respected");
  t.testrun(scan_ulong_cstr("60 seconds", &u) == 2 && u == 60, "60 seconds");
  u = 7;
  t.testrun(scan_ulong_cstr("99999999999999999999999999", &u) == 0 && u == 7,
            "overflow refused");
  char maxs[kFmtUlong];
  size_t mn = fmt_ulong(maxs, (unsigned long) -1);
  maxs[mn] = 0;
  t.testrun(scan_ulong_cstr(maxs, &u) == mn && u == (unsigned long) -1,
            "ULONG_MAX accepted");
  maxs[mn - 1] = (char) (maxs[mn - 1] + 1);
  t.testrun(scan_ulong_cstr(maxs, &u) == 0, "ULONG_MAX+1 refused");
  unsigned int ui;
  t.testrun(scan_uint_cstr("4294967296", &ui) == 0 || sizeof(unsigned int) > 4,
            "uint overflow refused");
  t.testrun(scan_xlong("fF1g", 4, &u) == 3 && u == 0xff1, "hex");
  t.testrun(scan_olong("0644", 4, &u) == 4 && u == 0644, "octal");
  t.testrun(scan_ulong_all("123", 3, &u) && !scan_ulong_all("12x", 3, &u) &&
                !scan_ulong_all("", 0, &u),
            "scan_ulong_all");
  t.testrun(f(fmt_ulong, 0) == "0" && f(fmt_ulong, 4294967295UL) == "4294967295",
            "fmt_ulong");
  t.testrun(fmt_ulong(0, 12345) == 5, "fmt_ulong count only");
  t.testrun(f(fmt_xlong, 0xdeadbeefUL) == "deadbeef", "fmt_xlong");
  char buf[kFmtUlong];
  t.testrun(std::string(buf, fmt_ulong0(buf, 7, 4)) == "0007" &&
                std::string(buf, fmt_ulong0(buf, 12345, 2)) == "12345",
            "fmt_ulong0 padding");
  t.testrun(std::string(buf, fmt_olong0(buf, 02755, 4)) == "2755" &&
                std::string(buf, fmt_olong0(buf, 0644, 4)) == "0644",
            "fmt_olong0");
  return 0;
}
