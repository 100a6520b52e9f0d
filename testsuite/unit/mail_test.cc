// Unit tests for src/mail: DomainMap, quote_addr, ctl_line_me and the
// qmail-queue client (against stub queue programs via QMAILQUEUE).
#include "qtest.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/mail/ctl.h"
#include "src/mail/domainmap.h"
#include "src/mail/qqclient.h"
#include "src/mail/quote.h"

static void put(const char* path, const char* data, int mode = 0644) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  write(fd, data, strlen(data));
  close(fd);
}

static std::string q(const char* a) {
  Bytes b;
  quote_addr(b, a, strlen(a));
  return std::string(b.data() ? b.data() : "", b.len());
}

static Bytes g_list;
static const char* mk(const char* s, size_t n) {
  g_list.copy(s, n);
  return "";
}

int main() {
  TestState t;
  char dir[] = "/tmp/qmmailXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;
  signal(SIGPIPE, SIG_IGN);

  DomainMap set;
  static const char kSet[] = "example.com\0.example.net\0Mixed.ORG\0";
  mk(kSet, sizeof kSet - 1);
  t.testrun(set.init(g_list, false) && set.size() == 3, "set init");
  t.testrun(set.contains("EXAMPLE.com", 11) && set.contains("mixed.org", 9) &&
                !set.contains("example.co", 10),
            "set lookup is case-insensitive");
  DomainMap kv;
  static const char kKv[] =
      "a.example:alice\0nocolon\0A.EXAMPLE:second\0b:x:y\0:default\0";
  mk(kKv, sizeof kKv - 1);
  size_t vl = 0;
  const char* v;
  t.testrun(kv.init(g_list, true) && kv.size() == 4, "key:value init skips no-colon");
  v = kv.find("a.example", 9, &vl);
  t.testrun(v && std::string(v, vl) == "second", "last duplicate wins");
  v = kv.find("b", 1, &vl);
  t.testrun(v && std::string(v, vl) == "x:y", "value after first colon");
  v = kv.find("", 0, &vl);
  t.testrun(v && std::string(v, vl) == "default", "empty key");
  t.testrun(!kv.contains("nocolon", 7), "entry without colon ignored");
  DomainMap empty;
  g_list.clear();
  t.testrun(empty.init(g_list, false) && !empty.contains("x", 1), "empty map");

  t.testrun(q("joe@x") == "joe@x", "plain");
  t.testrun(q("a b@x") == "\"a b\"@x", "space quoted");
  t.testrun(q(".joe@x") == "\".joe\"@x" && q("joe.@x") == "\"joe.\"@x",
            "leading/trailing dot");
  t.testrun(q("a..b@x") == "\"a..b\"@x", "double dot");
  t.testrun(q("a\"b@x") == "\"a\\\"b\"@x", "quote escaped");
  t.testrun(q("") == "", "empty address stays empty");
  t.testrun(q("@x") == "\"\"@x", "empty local part");
  t.testrun(q("a@b@c") == "\"a@b\"@c", "last @ splits");
  t.testrun(q("nodomain") == "nodomain", "no domain");

  mkdir("control", 0755);
  Bytes b;
  t.testrun(ctl_line_me(b, "control/bouncehost", "bouncehost") == 1 &&
                b.equals("bouncehost"),
            "ctl fallback literal");
  t.testrun(ctl_line_me(b, "control/bouncehost", 0) == 0, "ctl no fallback");
  put("control/me", "me.example\n");
  t.testrun(ctl_line_me(b, "control/bouncehost", "x") == 1 &&
                b.equals("me.example"),
            "ctl default me");
  put("control/bouncehost", "bh.example \n");
  t.testrun(ctl_line_me(b, "control/bouncehost", "x") == 1 &&
                b.equals("bh.example"),
            "ctl own file");

  // Queue client against stubs.
  char cwd[1024];
  getcwd(cwd, sizeof cwd);
  std::string ok = std::string(cwd) + "/qq-ok";
  put("qq-ok",
      "#!/bin/sh\ncat > msg.out; cat <&1 > env.out 2>/dev/null || "
      "cat /dev/fd/1 > env.out\nexit 0\n", 0755);
  put("qq-53", "#!/bin/sh\ncat >/dev/null; exit 53\n", 0755);
  put("qq-11", "#!/bin/sh\ncat >/dev/null; exit 11\n", 0755);
  put("qq-kill", "#!/bin/sh\nkill -9 $$\n", 0755);
  setenv("QM_SANDBOX_HOME", cwd, 1);
  setenv("QMAILQUEUE", (std::string(cwd) + "/qq-53").c_str(), 1);
  QueueClient c1;
  t.testrun(c1.open() && c1.pid() > 0, "client open");
  c1.puts("Subject: x\n\nbody\n");
  c1.from("a@x", 3);
  c1.to("b@y", 3);
  const char* r = c1.close();
  t.testrun(r && std::string(r) == "Zqq write error or disk full (#4.3.0)",
            "exit 53 text");
  setenv("QMAILQUEUE", (std::string(cwd) + "/qq-11").c_str(), 1);
  QueueClient c2;
  c2.open();
  c2.from("a", 1);
  r = c2.close();
  t.testrun(r && r[0] == 'D' && strstr(r, "too long"), "exit 11 permanent");
  setenv("QMAILQUEUE", (std::string(cwd) + "/qq-kill").c_str(), 1);
  QueueClient c3;
  c3.open();
  c3.puts("x");
  r = c3.close();
  t.testrun(r && std::string(r) == "Zqq crashed (#4.3.0)", "crash text");
  setenv("QMAILQUEUE", (std::string(cwd) + "/missing-qq").c_str(), 1);
  QueueClient c4;
  c4.open();
  r = c4.close();
  t.testrun(r && std::string(r) == "Zunable to exec qq (#4.3.0)", "exec failure");
  t.testrun(qq_exit_text(0) == 0 && std::string(qq_exit_text(64)) ==
                "Zqq trouble creating files in queue (#4.3.0)" &&
                std::string(qq_exit_text(20)) == "Dqq permanent problem (#5.3.0)" &&
                std::string(qq_exit_text(99)) == "Zqq temporary problem (#4.3.0)",
            "exit code table");
  // A real envelope reaches the queue program byte for byte.
  put("qq-cap", "#!/bin/sh\ncat > msg.out\ncat <&1 > env.out\nexit 0\n", 0755);
  setenv("QMAILQUEUE", (std::string(cwd) + "/qq-cap").c_str(), 1);
  QueueClient c5;
  c5.open();
  c5.puts("hello\n");
  c5.from("s@x", 3);
  c5.to("r1@y", 4);
  c5.to("r2@z", 4);
  r = c5.close();
  Bytes m, e;
  file_read_all(m, "msg.out");
  file_read_all(e, "env.out");
  t.testrun(r == 0 && m.equals("hello\n") &&
                e.equals("Fs@x\0Tr1@y\0Tr2@z\0\0", 18),
            "message and envelope delivered");

  QueueClient c6;
  c6.open();
  c6.puts("partial");
  c6.fail();
  r = c6.close();
  Bytes e2;
  file_read_all(e2, "env.out");
  t.testrun(r && e2.len() == 0, "fail() sends no envelope");
  system((std::string("rm -rf ") + dir).c_str());
  return 0;
}
