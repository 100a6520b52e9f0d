// Unit tests for src/mail/sendfn (qmail-send's decisions) and
// src/mail/users (the users/cdb resolver of qmail-lspawn).
#include "qtest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/cdbmake.h"
#include "src/mail/domainmap.h"
#include "src/mail/sendfn.h"
#include "src/mail/users.h"

static std::string s(const Bytes& b) {
  return std::string(b.data() ? b.data() : "", b.len());
}

static void map(DomainMap& m, const char* entries, size_t n, bool kv) {
  Bytes b;
  b.copy(entries, n);
  m.init(b, kv);
}

static std::string rw(const char* a, const SendMaps* m) {
  Bytes out;
  int c = send_rewrite(out, a, strlen(a), m);
  return std::string(c == kChanLocal ? "local " : "remote ") + s(out);
}

static std::string para(const char* r, const char* rep) {
  Bytes b;
  send_bounce_para(b, r, strlen(r), rep, strlen(rep));
  return s(b);
}

static std::string verp(const char* snd, const char* r) {
  Bytes b;
  send_verp(b, snd, strlen(snd), r, strlen(r));
  return s(b);
}

// users/cdb as qmail-newu writes it for T-40 and T-43.
static void write_users() {
  mkdir("users", 0755);
  int fd = open("users/cdb", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CdbMake c;
  c.start(fd);
#define ADD(k, d) c.add(k, sizeof k - 1, d, sizeof d - 1)
  ADD("!joe\0", "joe\0" "507\0" "100\0" "/home/joe\0\0");
  ADD("!joe-", "joe\0" "507\0" "100\0" "/home/joe\0-\0");
  ADD("!123-info\0", "pop\0" "110\0" "110\0" "/m/h.com/info\0\0");
  ADD("!123", "pop\0" "110\0" "110\0" "/m/h.com\0\0");
  ADD("!", "alias\0" "7790\0" "2108\0" "/var/qmail/alias\0-\0");
  ADD("", "-3");
#undef ADD
  c.finish();
  close(fd);
}

static std::string who(const char* local) {
  Bytes out;
  int r = users_lookup(local, strlen(local), out);
  if (r != 1) return r == 0 ? "none" : "error";
  const char* f[6];
  if (!users_fields(out, f)) return "bad";
  std::string x;
  for (int i = 0; i < 6; ++i) {
    if (i) x += "|";
    x += f[i];
  }
  return x;
}

int main() {
  TestState t;
  // T-20 retry schedule.
  t.testrun(send_nextretry(1000, 1000, kChanLocal) == 1100, "nextretry local at birth");
  t.testrun(send_nextretry(1000, 1000, kChanRemote) == 1400, "nextretry remote at birth");
  t.testrun(send_nextretry(1000, 1100, kChanLocal) == 1400, "nextretry local after 100s");
  t.testrun(send_nextretry(1000, 1400, kChanRemote) == 2600, "nextretry remote after 400s");
  t.testrun(send_nextretry(1000, 900, kChanLocal) == 1100, "nextretry before birth");
  t.testrun(send_nextretry(0, 1000000, kChanLocal) == 1020100, "nextretry large age");

  // T-33 log-safe filter.
  Bytes b;
  send_logsafe(b, "a b%c\nd\x01\xff~", 10);
  t.testrun(s(b) == "a_b_c/d__~", "logsafe");

  // Rewriting (T-13..T-18).
  DomainMap locals, ph, vd;
  map(locals, "MX.Example.COM\0v2.example\0", 26, false);
  map(ph, "mx.example.com\0", 15, false);
  const char vds[] = "joe@v.example:joe\0v.example:vuser\0.example:wild\0"
                     ":catch\0nov.example:\0v2.example:no\0";
  map(vd, vds, sizeof vds - 1, true);
  SendMaps m;
  m.envnoathost = "mx.example.com";
  m.locals = &locals;
  m.percenthack = &ph;
  m.vdoms = &vd;
  SendMaps m2 = m;
  m2.vdoms = 0;
  t.testrun(rw("u", &m) == "local u@mx.example.com", "envnoathost");
  t.testrun(rw("u@mx.example.com", &m) == "local u@mx.example.com", "locals case-insensitive");
  t.testrun(rw("bob%remote.example@mx.example.com", &m2) == "remote bob@remote.example", "percenthack");
  t.testrun(rw("a%b%c.example@mx.example.com", &m2) == "remote a%b@c.example", "percenthack last %");
  t.testrun(rw("joe@v.example", &m) == "local joe-joe@v.example", "vdom user@domain");
  t.testrun(rw("ann@v.example", &m) == "local vuser-ann@v.example", "vdom domain");
  t.testrun(rw("ann@x.y.example", &m) == "local wild-ann@x.y.example", "vdom suffix");
  t.testrun(rw("ann@other.org", &m) == "local catch-ann@other.org", "vdom catch-all");
  t.testrun(rw("ann@nov.example", &m) == "remote ann@nov.example", "vdom exception");
  t.testrun(rw("a@v2.example", &m) == "local a@v2.example", "locals beat virtualdomains");
  t.testrun(rw("ann@other.org", &m2) == "remote ann@other.org", "remote");

  // Prepend removal for bounces.
  const char* r1 = "vuser-ann@v.example";
  t.testrun(send_vdom_prefix(r1, strlen(r1), &vd) == 6, "vdom prefix stripped");
  const char* r2 = "x-ann@v.example";
  t.testrun(send_vdom_prefix(r2, strlen(r2), &vd) == 0, "other prefix kept");

  // VERP (T-30) and bounce recipient trimming.
  t.testrun(verp("list-@lists.example-@[]", "bob@mx.example.com") ==
                "list-bob=mx.example.com@lists.example", "verp");
  t.testrun(verp("a@b", "bob@x") == "a@b", "no verp");
  const char* vs = "pre@host-@[]";
  t.testrun(send_verp_trim(vs, strlen(vs)) == 8, "verp trim");

  // Bounce paragraphs (T-27).
  t.testrun(para("r@x", "a\n\nb\n") == "<r@x>:\na\n/b\n\n", "para blank line");
  t.testrun(para("r@x", "no newline") == "<r@x>:\nno newline\n\n", "para newline added");
  t.testrun(para("r\n@x", "") == "<r_@x>:\n\n", "para empty report");
  t.testrun(para("r@x", "\n\n\nz") == "<r@x>:\n///z\n\n", "para many newlines");

  // users/cdb resolution (T-42, T-43).
  char dir[] = "/tmp/qmusersXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;
  t.testrun(who("joe") == "none", "no users/cdb");
  write_users();
  t.testrun(who("joe") == "joe|507|100|/home/joe||", "exact");
  t.testrun(who("JOE") == "joe|507|100|/home/joe||", "exact case-insensitive");
  t.testrun(who("joe-direct") == "joe|507|100|/home/joe|-|direct", "wildcard");
  t.testrun(who("joe-Direct") == "joe|507|100|/home/joe|-|Direct", "wildcard keeps case");
  t.testrun(who("bill") == "alias|7790|2108|/var/qmail/alias|-|bill", "catch-all");
  t.testrun(who("123-info") == "pop|110|110|/m/h.com/info||", "plesk exact");
  t.testrun(who("123-sales") == "pop|110|110|/m/h.com||-sales", "plesk wildcard");
  t.testrun(who("1234-x") == "pop|110|110|/m/h.com||4-x", "prefix not at a delimiter");
  unlink("users/cdb");
  rmdir("users");
  chdir("/");
  rmdir(dir);
  return 0;
}
