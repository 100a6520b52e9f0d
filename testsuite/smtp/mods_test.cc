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
#include "src/mail/addr.h"
#include "src/mail/hfield.h"

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

static std::string str(const Bytes& b) { return std::string(b.data(), b.len()); }

static bool count_addr(TokenList&, void* ctx) {
  ++*(int*) ctx;
  return true;
}

// Parse, walk and print a header line with the identity rewrite.
static std::string roundtrip(const char* line, size_t width, int* n) {
  TokenList in, out, scratch;
  Bytes text, res;
  if (tok_parse(in, text, line, strlen(line)) != 1) return "PARSE";
  *n = 0;
  if (tok_addrlist(out, scratch, in, 2, count_addr, n) != 1) return "LIST";
  tok_unparse(res, out, width);
  return str(res);
}

static void test_addr() {
  int n;
  t.testrun(roundtrip("To: a b c", 80, &n) == "To: a, b, c\n" && n == 3,
            "addr: missing commas inserted");
  // 1.03 quirk: a comment before an address moves after it.
  t.testrun(roundtrip("To: \"x y\" <a@b>, (c) d@e", 80, &n) ==
                "To: \"x y\" <a@b>, d@e (c)\n" && n == 2,
            "addr: route address and comment");
  t.testrun(roundtrip("To: g: a, b;, c", 80, &n) == "To: g: a, b;, c\n" && n == 3,
            "addr: group");
  t.testrun(roundtrip("To: <>", 80, &n) == "To: <>\n" && n == 1,
            "addr: empty route address is an address");
  t.testrun(roundtrip("To: aaaa, bbbb, cccc", 10, &n) ==
                "To: aaaa,\n  bbbb,\n  cccc\n",
            "addr: folding");
  t.testrun(roundtrip("To: aaaa, bbbb, cccc", 0, &n) == "To: aaaa, bbbb, cccc\n",
            "addr: width 0 never folds");
  t.testrun(roundtrip("To: a\xe9" "b@c", 80, &n) == "To: \"a\xe9" "b\"@c\n",
            "addr: 8-bit atom becomes a quoted string");
  t.testrun(roundtrip("To: (a (nested) c) x", 80, &n) == "To: x (a nested c)\n",
            "addr: nested comment text");
  t.testrun(roundtrip("To: \"a\\\"b\"@c", 80, &n) == "To: \"a\\\"b\"@c\n",
            "addr: escaped quote kept escaped");
  t.testrun(roundtrip("To: \"open", 80, &n) == "PARSE", "addr: open quote");
  t.testrun(roundtrip("To: (open", 80, &n) == "PARSE", "addr: open comment");
  t.testrun(roundtrip("To: [open", 80, &n) == "PARSE", "addr: open literal");
  t.testrun(roundtrip("To: ] x", 80, &n) == "PARSE", "addr: stray bracket");
  t.testrun(roundtrip("To: x: b", 80, &n) == "LIST", "addr: colon without group");
  t.testrun(roundtrip("To: g: a; b;", 80, &n) == "LIST", "addr: nested group end");
  TokenList tl;
  Bytes text, u;
  const char* q = "\"j s\"@[1.2.3.4] (c)";
  tok_parse(tl, text, q, strlen(q));
  tok_unquote(u, tl);
  t.testrun(str(u) == "j s@[1.2.3.4]", "addr: unquote");
}

static void test_hfield() {
  t.testrun(hfield_known("To: x", 5) == kHTo, "hfield: To");
  t.testrun(hfield_known("rEsEnT-cC \t: x", 14) == kHRCc, "hfield: case and space before colon");
  t.testrun(hfield_known("Tox: x", 6) == kHUnknown, "hfield: prefix is not a match");
  t.testrun(hfield_known("To", 2) == kHUnknown, "hfield: no colon");
  t.testrun(hfield_valid("X-Foo: y", 8), "hfield: valid");
  t.testrun(hfield_valid("X-Foo : y", 9), "hfield: space before colon");
  t.testrun(!hfield_valid("X Foo: y", 8), "hfield: space inside name");
  t.testrun(!hfield_valid(": y", 3), "hfield: empty name");
  t.testrun(!hfield_valid("no colon here", 13), "hfield: no colon");
  t.testrun(!hfield_valid("X\xe9: y", 5), "hfield: 8-bit name");
}

int main(int argc, char** argv) {
  if (argc < 2 || chdir(argv[1]) == -1) return 111;
  mkdir("control", 0755);
  test_rcpthosts();
  test_received();
  test_addr();
  test_hfield();
  return 0;
}
