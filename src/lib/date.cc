// date.cc: UTC calendar conversion and qmail's date formats.
#include "config.h"
#include "src/lib/date.h"

#include <sys/time.h>
#include <string.h>
#include "src/lib/fmt.h"

static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
static const char kDays[] = "SunMonTueWedThuFriSat";

// Days since 1970-01-01 of a civil date (proleptic Gregorian), by the
// shifted-year method that treats March as the first month.
static long days_from_civil(long y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void date_from_unix(DateTime* d, unsigned long t) {
  unsigned long days = t / 86400;
  unsigned long rem = t % 86400;
  d->hour = (int) (rem / 3600);
  d->min = (int) (rem / 60 % 60);
  d->sec = (int) (rem % 60);
  d->wday = (int) ((days + 4) % 7);
  long z = (long) days + 719468;
  long era = z / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  d->mday = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);
  d->mon = m - 1;
  d->year = (int) (yoe + era * 400 + (m <= 2));
}

unsigned long date_to_unix(const DateTime* d) {
  long days = days_from_civil(d->year, d->mon + 1, d->mday);
  return (unsigned long) (days * 86400L + d->hour * 3600L + d->min * 60L +
                          d->sec);
}

static size_t put2(char* s, int v) {
  if (s) {
    s[0] = (char) ('0' + v / 10 % 10);
    s[1] = (char) ('0' + v % 10);
  }
  return 2;
}

static size_t put_time(char* s, const DateTime* d) {
  size_t n = put2(s, d->hour);
  s[n++] = ':';
  n += put2(s + n, d->min);
  s[n++] = ':';
  n += put2(s + n, d->sec);
  return n;
}

size_t fmt_date822(char* s, const DateTime* d) {
  size_t n = fmt_ulong(s, (unsigned long) d->mday);
  s[n++] = ' ';
  memcpy(s + n, kMonths + 3 * d->mon, 3);
  n += 3;
  s[n++] = ' ';
  n += fmt_ulong(s + n, (unsigned long) d->year);
  s[n++] = ' ';
  n += put_time(s + n, d);
  memcpy(s + n, " -0000", 6);
  return n + 6;
}

size_t fmt_date_mbox(char* s, const DateTime* d) {
  size_t n = 0;
  memcpy(s, kDays + 3 * d->wday, 3);
  n += 3;
  s[n++] = ' ';
  memcpy(s + n, kMonths + 3 * d->mon, 3);
  n += 3;
  s[n++] = ' ';
  n += put2(s + n, d->mday);
  s[n++] = ' ';
  n += put_time(s + n, d);
  s[n++] = ' ';
  n += fmt_ulong(s + n, (unsigned long) d->year);
  return n;
}

size_t fmt_date_stamp(char* s, const DateTime* d) {
  size_t n = fmt_ulong0(s, (unsigned long) d->year, 4);
  n += put2(s + n, d->mon + 1);
  n += put2(s + n, d->mday);
  n += put2(s + n, d->hour);
  n += put2(s + n, d->min);
  n += put2(s + n, d->sec);
  return n;
}

void now_tv(unsigned long* sec, unsigned long* usec) {
  struct timeval tv;
  gettimeofday(&tv, 0);
  *sec = (unsigned long) tv.tv_sec;
  *usec = (unsigned long) tv.tv_usec;
}

unsigned long now_sec() {
  unsigned long s, u;
  now_tv(&s, &u);
  return s;
}

size_t fmt_log_stamp(char* s, unsigned long sec, unsigned long usec) {
  size_t n = fmt_ulong(s, sec);
  s[n++] = '.';
  return n + fmt_ulong0(s + n, usec, 6);
}
