// Unit tests for netstrings: encoding, reading, limits, malformed input.
#include "qtest.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/io.h"
#include "src/lib/netstring.h"

static int feed(const std::string& s) {
  int p[2];
  pipe(p);
  write(p[1], s.data(), s.size());
  close(p[1]);
  return p[0];
}

static int read_one(const std::string& s, size_t max, std::string* got) {
  char buf[16];
  int fd = feed(s);
  Input in(fd, buf, sizeof buf);
  Bytes b;
  int r = netstring_read(in, b, max);
  got->assign(b.data() ? b.data() : "", b.len());
  close(fd);
  return r;
}

int main() {
  TestState t;
  Bytes b;
  t.testrun(netstring_append(b, "hello", 5) && netstring_append(b, "", 0) &&
                b.equals("5:hello,0:,"),
            "append");
  std::string got;
  t.testrun(read_one("5:hello,", 100, &got) == 1 && got == "hello", "read");
  t.testrun(read_one("0:,", 100, &got) == 1 && got.empty(), "read empty");
  t.testrun(read_one("", 100, &got) == 0, "eof before start");
  errno = 0;
  t.testrun(read_one("5:hel", 100, &got) == -1 && errno == EPROTO, "truncated");
  errno = 0;
  t.testrun(read_one("5:hello;", 100, &got) == -1 && errno == EPROTO,
            "missing comma");
  errno = 0;
  t.testrun(read_one("05:hello,", 100, &got) == -1 && errno == EPROTO,
            "leading zero refused");
  errno = 0;
  t.testrun(read_one(":x,", 100, &got) == -1 && errno == EPROTO, "no length");
  errno = 0;
  t.testrun(read_one("5x:hello,", 100, &got) == -1 && errno == EPROTO,
            "junk in length");
  errno = 0;
  t.testrun(read_one("11:hello world,", 5, &got) == -1 && errno == E2BIG,
            "over the limit");
  errno = 0;
  t.testrun(read_one("99999999999999999999999999:x,", 100, &got) == -1 &&
                errno == EPROTO,
            "length overflow refused");
  std::string big(3000, 'z');
  t.testrun(read_one("3000:" + big + ",", 5000, &got) == 1 && got == big,
            "longer than the buffer");

  size_t used;
  const char* d;
  size_t dn;
  t.testrun(netstring_parse("3:abc,rest", 10, &used, &d, &dn) == 1 &&
                used == 6 && dn == 3 && memcmp(d, "abc", 3) == 0,
            "parse");
  t.testrun(netstring_parse("3:abc", 5, &used, &d, &dn) == 0, "parse incomplete");
  t.testrun(netstring_parse("3:abcd", 6, &used, &d, &dn) == -1, "parse bad comma");
  t.testrun(netstring_parse("x", 1, &used, &d, &dn) == -1, "parse junk");
  t.testrun(netstring_parse("12", 2, &used, &d, &dn) == 0, "parse digits only");
  return 0;
}
