// Unit tests for the remote delivery modules: the tcpto table, smtproutes
// lookup, qmail-rspawn's report mapping and the SMTP client dialogue
// (run against canned server replies from a file).
#include "unit/qtest.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/io.h"
#include "src/mail/domainmap.h"
#include "src/mail/rreport.h"
#include "src/mail/smtpclient.h"
#include "src/mail/smtproute.h"
#include "src/mail/tcpto.h"

static TestState t;

static std::string str(const Bytes& b) {
  return std::string(b.data() ? b.data() : "", b.len());
}

static void test_tcpto() {
  char buf[kTcptoSize];
  memset(buf, 0, sizeof buf);
  const char a[4] = {10, 0, 0, 1};
  const char b[4] = {10, 0, 0, 2};
  bool seen = true;
  t.testrun(!tcpto_buf_dead(buf, a, 100000, 0, &seen) && !seen,
            "tcpto: unknown address is alive");
  t.testrun(tcpto_buf_update(buf, a, false, 100000) == -1,
            "tcpto: success for unknown address changes nothing");
  t.testrun(tcpto_buf_update(buf, a, true, 100000) == 0 && buf[4] == 1 &&
                tcpto_rec_when(buf) == 100000,
            "tcpto: first timeout takes record 0 with count 1");
  t.testrun(!tcpto_buf_dead(buf, a, 100001, 0, &seen) && seen,
            "tcpto: one timeout does not kill");
  t.testrun(tcpto_buf_update(buf, a, true, 100100) == -1 && buf[4] == 1,
            "tcpto: second timeout within 120 s is not counted");
  t.testrun(tcpto_buf_update(buf, a, true, 100200) == 0 && buf[4] == 2,
            "tcpto: timeout after 120 s counts");
  t.testrun(tcpto_buf_dead(buf, a, 100200 + 60 * 64 - 1, 0, &seen),
            "tcpto: two timeouts kill for 3840 s (pid 0)");
  t.testrun(!tcpto_buf_dead(buf, a, 100200 + 60 * 64, 0, &seen),
            "tcpto: dead time over");
  t.testrun(tcpto_buf_dead(buf, a, 100200 + 91 * 64 - 1, 31, &seen) &&
                !tcpto_buf_dead(buf, a, 100200 + 91 * 64, 31, &seen),
            "tcpto: pid mod 32 lengthens the dead time");
  t.testrun(tcpto_buf_update(buf, b, true, 100300) == 1,
            "tcpto: new address takes the next free record");
  for (unsigned long k = 0; k < 20; ++k)
    tcpto_buf_update(buf, a, true, 200000 + k * 1000);
  t.testrun(buf[4] == kTcptoMaxCount, "tcpto: count stops at 10");
  t.testrun(tcpto_buf_update(buf, a, false, 300000) == 0 && buf[4] == 0,
            "tcpto: success resets the count");
  // Fill every record, then a new address replaces the smallest
  // time + count * 1024.
  for (int i = 0; i < kTcptoRecords; ++i) {
    char ip[4] = {1, 2, 3, (char) i};
    char* rec = buf + i * kTcptoRecSize;
    memcpy(rec, ip, 4);
    rec[4] = 1;
    unsigned long when = 500000 + (unsigned long) (i == 7 ? 0 : 5000);
    for (int j = 8; j < 12; ++j) {
      rec[j] = (char) (when & 255);
      when >>= 8;
    }
  }
  const char c[4] = {9, 9, 9, 9};
  t.testrun(tcpto_buf_update(buf, c, true, 600000) == 7 &&
                memcmp(buf + 7 * 16, c, 4) == 0 && buf[7 * 16 + 4] == 1,
            "tcpto: full table replaces the stalest record");
}

static std::string route(const char* file, const char* host,
                         unsigned long* port) {
  Bytes list;
  list.copy(file, strlen(file) + 1);
  // Entries are separated by newlines in the test text.
  for (size_t i = 0; i < list.len(); ++i)
    if (list.data()[i] == '\n') list.data()[i] = 0;
  DomainMap m;
  m.init(list, true);
  Bytes relay;
  *port = 25;
  int r = smtproute_find(m, host, strlen(host), relay, port);
  if (r == 0) return "MX";
  if (r < 0) return "ERR";
  return str(relay);
}

static void test_routes() {
  unsigned long port;
  const char* f =
      "nix.co.jj:[192.10.10.2]\ninside.af.mil:firewall.af.mil:26\n"
      ".af.mil:\nx.af.mil:direct.example\nv6.example:[2001:db8::25]:587\n"
      "Mixed.Example:mx.mixed";
  t.testrun(route(f, "nix.co.jj", &port) == "[192.10.10.2]" && port == 25,
            "route: exact [IP]");
  t.testrun(route(f, "NIX.CO.JJ", &port) == "[192.10.10.2]",
            "route: case-insensitive");
  t.testrun(route(f, "inside.af.mil", &port) == "firewall.af.mil" &&
                port == 26,
            "route: host:port");
  t.testrun(route(f, "a.inside.af.mil", &port) == "MX",
            "route: exact entry does not match subdomains");
  t.testrun(route(f, "other.af.mil", &port) == "MX",
            "route: .suffix with empty relay means MX");
  t.testrun(route(f, "af.mil", &port) == "MX", "route: no match is MX");
  t.testrun(route(f, "x.af.mil", &port) == "direct.example",
            "route: whole host before suffix");
  t.testrun(route(f, "v6.example", &port) == "[2001:db8::25]" && port == 587,
            "route: bracketed IPv6 with port");
  t.testrun(route(f, "mixed.example", &port) == "mx.mixed",
            "route: mixed case key");
  const char* g = ":smart.example:2525\n.b.example:[10.0.0.2]";
  t.testrun(route(g, "a.b.example", &port) == "[10.0.0.2]" && port == 25,
            "route: suffix before default");
  t.testrun(route(g, "elsewhere", &port) == "smart.example" && port == 2525,
            "route: default route");
  const char* h = "a.example:one\na.example:two";
  t.testrun(route(h, "a.example", &port) == "two", "route: last line wins");
  t.testrun(route("", "a.example", &port) == "MX", "route: empty file");
}

static std::string rr(int status, const char* s, size_t n) {
  Bytes out;
  rreport(out, status, s, n);
  return str(out);
}

#define RR(lit) rr(0, lit, sizeof lit - 1)

static void test_rreport() {
  t.testrun(RR("r\0K1.2.3.4 accepted message.\nRemote host said: 250 ok\n\0") ==
                "K1.2.3.4 accepted message.\nRemote host said: 250 ok\n",
            "rreport: accepted");
  t.testrun(RR("h1.2.3.4 does not like recipient.\nRemote host said: 550 no\n"
               "\0DGiving up on 1.2.3.4.\n\0") ==
                "D1.2.3.4 does not like recipient.\nRemote host said: 550 no\n"
                "Giving up on 1.2.3.4.\n",
            "rreport: recipient refused");
  t.testrun(RR("s1.2.3.4 does not like recipient.\n\0DGiving up on 1.2.3.4.\n\0") ==
                "Z1.2.3.4 does not like recipient.\nGiving up on 1.2.3.4.\n",
            "rreport: temporary refusal is Z with the D text");
  t.testrun(RR("s1.2.3.4 no.\n\0r\0K1.2.3.4 ok.\n\0") == "Z1.2.3.4 no.\n",
            "rreport: s then r then K is Z without the K text");
  t.testrun(RR("s1.2.3.4 no.\n\0ZGiving up.\n\0") == "Z1.2.3.4 no.\nGiving up.\n",
            "rreport: s then Z appends");
  t.testrun(RR("ZSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n\0") ==
                "ZSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n",
            "rreport: lone Z");
  t.testrun(RR("r\0") == "D", "rreport: no message report is D");
  t.testrun(RR("Kabc") == "D", "rreport: unterminated report does not count");
  t.testrun(rr(0, "", 0) == "Zqmail-remote produced no output.\n",
            "rreport: no output");
  t.testrun(rr(111 << 8, "x\0", 2) == "ZUnable to run qmail-remote.\n",
            "rreport: exit 111");
  t.testrun(rr(100 << 8, "x\0", 2) == "DUnable to run qmail-remote.\n",
            "rreport: exit 100");
  int st = 0;
  pid_t pid = fork();
  if (pid == 0) {
    abort();
  }
  waitpid(pid, &st, 0);
  t.testrun(rr(st, "K\0", 2) == "Zqmail-remote crashed.\n", "rreport: crash");
}

// Run the dialogue with canned replies; returns the reports, and the
// commands the client sent in *sent.
static std::string dialogue(const std::string& replies, const std::string& msg,
                            std::string* sent, const char* rcpts = "a@b\0",
                            size_t rlen = 4) {
  char tmpl_r[] = "/tmp/qmrtXXXXXX";
  char tmpl_s[] = "/tmp/qmrtXXXXXX";
  char tmpl_m[] = "/tmp/qmrtXXXXXX";
  char tmpl_o[] = "/tmp/qmrtXXXXXX";
  int fr = mkstemp(tmpl_r), fs = mkstemp(tmpl_s), fm = mkstemp(tmpl_m),
      fo = mkstemp(tmpl_o);
  if (write(fr, replies.data(), replies.size()) < 0 ||
      write(fm, msg.data(), msg.size()) < 0)
    return "write failed";
  lseek(fr, 0, SEEK_SET);
  lseek(fm, 0, SEEK_SET);
  char b1[64], b2[64], b3[64], b4[64];
  Input from(fr, b1, sizeof b1);
  Output to(fs, b2, sizeof b2);
  Input mess(fm, b3, sizeof b3);
  Output rep(fo, b4, sizeof b4);
  Bytes helo, sender, recips;
  helo.copy("me.example");
  sender.copy("s@x.example");
  recips.copy(rcpts, rlen);
  SmtpJob job = {"127.0.0.9", &helo, &sender, &recips};
  smtp_deliver(from, to, mess, rep, job);
  rep.flush();
  std::string out, s;
  char c[256];
  long n;
  lseek(fo, 0, SEEK_SET);
  while ((n = read(fo, c, sizeof c)) > 0) out.append(c, (size_t) n);
  lseek(fs, 0, SEEK_SET);
  while ((n = read(fs, c, sizeof c)) > 0) s.append(c, (size_t) n);
  *sent = s;
  close(fr); close(fs); close(fm); close(fo);
  unlink(tmpl_r); unlink(tmpl_s); unlink(tmpl_m); unlink(tmpl_o);
  return out;
}

static const std::string S(const char* s, size_t n) { return std::string(s, n); }
#define L(lit) S(lit, sizeof lit - 1)

static void test_dialogue() {
  std::string sent;
  std::string r = dialogue("220 hi\r\n250 hello\r\n250 ok\r\n250 ok\r\n354 go\r\n"
                           "250 queued\r\n",
                           "Subject: x\n\n.dot\nline\r\n..two\n", &sent);
  t.testrun(r == L("r\0K127.0.0.9 accepted message.\nRemote host said: 250 queued\n\0"),
            "smtp: success reports");
  t.testrun(sent == "HELO me.example\r\nMAIL FROM:<s@x.example>\r\n"
                    "RCPT TO:<a@b>\r\nDATA\r\nSubject: x\r\n\r\n..dot\r\n"
                    "line\r\r\n...two\r\n.\r\nQUIT\r\n",
            "smtp: commands, CRLF and dot stuffing");
  r = dialogue("220-first\r\n220-second\r\n220 last\r\n250 x\r\n250 x\r\n"
               "250 x\r\n354 x\r\n250-multi\r\n250 line\r\n",
               "a\n", &sent);
  t.testrun(r == L("r\0K127.0.0.9 accepted message.\nRemote host said: 250-multi\n"
                   "250 line\n\0"),
            "smtp: multi-line replies");
  r = dialogue("554 go away\r\n", "a\n", &sent);
  t.testrun(r == L("ZConnected to 127.0.0.9 but greeting failed.\nRemote host said: "
                   "554 go away\n\0") && sent == "QUIT\r\n",
            "smtp: greeting failed");
  r = dialogue("220 x\r\n501 bad name\r\n", "a\n", &sent);
  t.testrun(r == L("ZConnected to 127.0.0.9 but my name was rejected.\n"
                   "Remote host said: 501 bad name\n\0"),
            "smtp: HELO rejected");
  r = dialogue("220 x\r\n250 x\r\n553 no senders\r\n", "a\n", &sent);
  t.testrun(r == L("DConnected to 127.0.0.9 but sender was rejected.\n"
                   "Remote host said: 553 no senders\n\0"),
            "smtp: MAIL 5xx");
  r = dialogue("220 x\r\n250 x\r\n451 later\r\n", "a\n", &sent);
  t.testrun(r == L("ZConnected to 127.0.0.9 but sender was rejected.\n"
                   "Remote host said: 451 later\n\0"),
            "smtp: MAIL 4xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n550 unknown\r\n", "a\n", &sent);
  t.testrun(r == L("h127.0.0.9 does not like recipient.\nRemote host said: "
                   "550 unknown\n\0DGiving up on 127.0.0.9.\n\0"),
            "smtp: RCPT 5xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n450 busy\r\n", "a\n", &sent);
  t.testrun(r == L("s127.0.0.9 does not like recipient.\nRemote host said: "
                   "450 busy\n\0DGiving up on 127.0.0.9.\n\0"),
            "smtp: RCPT 4xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n550 no\r\n250 yes\r\n354 x\r\n"
               "250 ok\r\n",
               "a\n", &sent, "a@b\0c@d\0", 8);
  t.testrun(r == L("h127.0.0.9 does not like recipient.\nRemote host said: "
                   "550 no\n\0r\0K127.0.0.9 accepted message.\n"
                   "Remote host said: 250 ok\n\0"),
            "smtp: one of two recipients refused");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n554 no data\r\n", "a\n",
               &sent);
  t.testrun(r == L("r\0D127.0.0.9 failed on DATA command.\nRemote host said: "
                   "554 no data\n\0"),
            "smtp: DATA 5xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n451 no data\r\n", "a\n",
               &sent);
  t.testrun(r == L("r\0Z127.0.0.9 failed on DATA command.\nRemote host said: "
                   "451 no data\n\0"),
            "smtp: DATA 4xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n552 too big\r\n",
               "a\n", &sent);
  t.testrun(r == L("r\0D127.0.0.9 failed after I sent the message.\n"
                   "Remote host said: 552 too big\n\0"),
            "smtp: final 5xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n452 full\r\n",
               "a\n", &sent);
  t.testrun(r == L("r\0Z127.0.0.9 failed after I sent the message.\n"
                   "Remote host said: 452 full\n\0"),
            "smtp: final 4xx");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n", "a\n", &sent);
  t.testrun(r == L("r\0ZConnected to 127.0.0.9 but connection died. Possible "
                   "duplicate! (#4.4.2)\n\0"),
            "smtp: died after the dot: possible duplicate");
  r = dialogue("220 x\r\n250 x\r\n25", "a\n", &sent);
  t.testrun(r == L("ZConnected to 127.0.0.9 but connection died. (#4.4.2)\n\0"),
            "smtp: died mid-reply");
  r = dialogue("220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n250 x\r\n",
               "a\nno newline", &sent);
  t.testrun(r == L("r\0DSMTP cannot transfer messages with partial final lines. "
                   "(#5.6.2)\n\0"),
            "smtp: partial final line");
  r = dialogue(L("220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n250 a\0b\r\n"),
               "", &sent);
  t.testrun(r == L("r\0K127.0.0.9 accepted message.\nRemote host said: 250 a?b\n\0") &&
                sent.find("DATA\r\n.\r\nQUIT") != std::string::npos,
            "smtp: empty message, NUL in reply shown as ?");
  std::string big = "220 x\r\n250 x\r\n250 x\r\n250 x\r\n354 x\r\n250-";
  big.append(6000, 'y');
  big += "\r\n250 end\r\n";
  r = dialogue(big, "a\n", &sent);
  t.testrun(r.size() == 2 + 29 + 18 + 5000 + 1 &&
                r.substr(r.size() - 3) == L("yy\0"),
            "smtp: reply text capped at 5000 bytes");
}

int main() {
  test_tcpto();
  test_routes();
  test_rreport();
  test_dialogue();
  return 0;
}
