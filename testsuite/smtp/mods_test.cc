// mods_test.cc: unit tests of src/mail/rcpthosts and src/mail/received.
// Usage: mods_test DIR (an empty scratch directory).
#include "testsuite/unit/qtest.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string>
#include "src/lib/bytes.h"
#include "src/lib/cdbmake.h"
#include "src/lib/fd.h"
#include "src/mail/rcpthosts.h"
#include "src/mail/received.h"

static TestState t;

static void put_file(const char* path, const char* text) {
  int fd = open_trunc(path, 0644);
  write_all(fd, text, strlen(text));
  close(fd);
}

static int rh(RcptHosts& r, const char* a) { return r.check(a, strlen(a)); }

static void test_rcpthosts() {
  {
    RcptHosts r;
    t.testrun(r.init() == 0, "rcpthosts: missing file reports 0");
    t.testrun(rh(r, "x@anywhere.example") == 1, "rcpthosts: missing file allows all");
  }
  put_file("control/rcpthosts",
           "# comment\nexample.com  \n\n.heaven.af.mil\nUPPER.ORG\n");
  {
    RcptHosts r;
    t.testrun(r.init() == 1, "rcpthosts: init");
    t.testrun(rh(r, "a@example.com") == 1, "rcpthosts: exact");
    t.testrun(rh(r, "a@EXAMPLE.Com") == 1, "rcpthosts: case-insensitive");
    t.testrun(rh(r, "a@upper.org") == 1, "rcpthosts: upper-case entry");
    t.testrun(rh(r, "a@x.example.com") == 0, "rcpthosts: no implicit subdomain");
    t.testrun(rh(r, "a@x.heaven.af.mil") == 1, "rcpthosts: .suffix matches subdomain");
    t.testrun(rh(r, "a@y.x.heaven.af.mil") == 1, "rcpthosts: .suffix deep");
    t.testrun(rh(r, "a@heaven.af.mil") == 0, "rcpthosts: .suffix not the domain");
    t.testrun(rh(r, "a@example.com.") == 0, "rcpthosts: trailing dot refused");
    t.testrun(rh(r, "a@evil.org") == 0, "rcpthosts: other domain refused");
    t.testrun(rh(r, "a%evil.org@example.com") == 1, "rcpthosts: last @ decides");
    t.testrun(rh(r, "a@example.com@evil.org") == 0, "rcpthosts: two @ last wins");
    t.testrun(rh(r, "postmaster") == 1, "rcpthosts: no @ allowed");
    t.testrun(rh(r, "# comment@x") == 0, "rcpthosts: comments are not entries");
  }
  int fd = open_trunc("control/morercpthosts.cdb", 0644);
  CdbMake m;
  m.start(fd);
  m.add("more.example", 12, "", 0);
  m.add(".sub.example", 12, "", 0);
  m.finish();
  close(fd);
  {
    RcptHosts r;
    t.testrun(r.init() == 1, "morercpthosts: init");
    t.testrun(rh(r, "a@more.example") == 1, "morercpthosts: exact");
    t.testrun(rh(r, "a@MORE.example") == 1, "morercpthosts: lowered");
    t.testrun(rh(r, "a@x.sub.example") == 1, "morercpthosts: .suffix");
    t.testrun(rh(r, "a@sub.example") == 0, "morercpthosts: .suffix not domain");
    t.testrun(rh(r, "a@example.com") == 1, "morercpthosts: list still used");
    t.testrun(rh(r, "a@evil.org") == 0, "morercpthosts: other refused");
  }
  put_file("control/morercpthosts.cdb", "garbage");
  {
    RcptHosts r;
    int i = r.init();
    t.testrun(i == -1 || rh(r, "a@evil.org") == -1,
              "morercpthosts: corrupt cdb is an error");
  }
  unlink("control/rcpthosts");
  {
    RcptHosts r;
    t.testrun(r.init() == 0 && rh(r, "a@evil.org") == 1,
              "morercpthosts: ignored without rcpthosts");
  }
  unlink("control/morercpthosts.cdb");
}

static void test_received() {
  Bytes b;
  received_line(b, "SMTP", "mx.example", "192.0.2.1", "client.example", 0, 0,
                965179497UL);
  t.testrun(std::string(b.data(), b.len()) ==
                "Received: from client.example (192.0.2.1)\n"
                "  by mx.example with SMTP; 2 Aug 2000 01:24:57 -0000\n",
            "received: plain");
  b.clear();
  received_line(b, "QMTP", "mx", "10.0.0.1", "unknown", "joe", "fake<x>\n y",
                965179497UL);
  t.testrun(std::string(b.data(), b.len()) ==
                "Received: from unknown (HELO fake?x???y) (joe@10.0.0.1)\n"
                "  by mx with QMTP; 2 Aug 2000 01:24:57 -0000\n",
            "received: helo, info, unsafe bytes");
  b.clear();
  received_safe(b, "aZ09.@%+/=:-_ ;()\"");
  t.testrun(std::string(b.data(), b.len()) == "aZ09.@%+/=:-??????",
            "received: safe set");
}

int main(int argc, char** argv) {
  if (argc < 2 || chdir(argv[1]) == -1) return 111;
  mkdir("control", 0755);
  test_rcpthosts();
  test_received();
  return 0;
}
