// Unit tests for msg, spawn, trigger, poll, prot and the installation
// constants (src/mail/auto).
#include "qtest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/fifo.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/poll.h"
#include "src/lib/prot.h"
#include "src/lib/spawn.h"
#include "src/lib/trigger.h"
#include "src/mail/auto.h"

// Run f in a child with stderr captured; return what it wrote.
static std::string capture_stderr(void (*f)()) {
  int p[2];
  pipe(p);
  int pid = fork();
  if (pid == 0) {
    dup2(p[1], 2);
    f();
    _exit(0);
  }
  close(p[1]);
  std::string s;
  char b[512];
  long n;
  while ((n = read(p[0], b, sizeof b)) > 0) s.append(b, (size_t) n);
  close(p[0]);
  int st;
  qm_wait_pid(&st, pid);
  return s;
}

static void emit_fatal() {
  msg_init("prog");
  errno = ENOENT;
  msg_fatal_sys("unable to open ", "control/rcpthosts");
}
static void emit_warn() {
  msg_init("prog");
  msg_warn("a", "b", "c", "d", "e", "f");
}
static void emit_usage() {
  msg_init("tcprules");
  msg_usage("tcprules rules.cdb rules.tmp");
}
static void emit_spawn_fail() {
  msg_init("prog");
  const char* argv[] = {"no-such-program-qm", 0};
  env_set("PATH", "/nonexistent");
  int pid = child_spawn((char* const*) argv, -1, -1);
  int st;
  child_wait(pid, &st);
  _exit(qm_wait_exitcode(st));
}

int main() {
  TestState t;
  t.testrun(capture_stderr(emit_fatal) ==
                "prog: fatal: unable to open control/rcpthosts: file does not exist\n",
            "fatal with errno text");
  t.testrun(capture_stderr(emit_warn) == "prog: warning: abcdef\n", "warning");
  t.testrun(capture_stderr(emit_usage) ==
                "tcprules: usage: tcprules rules.cdb rules.tmp\n",
            "usage");
  Bytes clean;
  t.testrun(msg_clean(clean, "a\nb\x01\xff", 5) && clean.equals("a?b??"),
            "msg_clean");

  // spawn: exit codes pass through, failures to exec give 111 + message.
  const char* sh[] = {"/bin/sh", "-c", "exit 7", 0};
  int st;
  int pid = child_spawn((char* const*) sh, -1, -1);
  t.testrun(pid > 0 && child_wait(pid, &st) == pid && qm_wait_exitcode(st) == 7,
            "child exit code");
  std::string err = capture_stderr(emit_spawn_fail);
  t.testrun(err == "prog: fatal: unable to run no-such-program-qm: file does not exist\n",
            "exec failure message");
  // path search through PATH.
  env_set("PATH", "/nonexistent:/bin:/usr/bin");
  const char* tr[] = {"true", 0};
  pid = child_spawn((char* const*) tr, -1, -1);
  t.testrun(child_wait(pid, &st) == pid && qm_wait_exitcode(st) == 0,
            "PATH search");
  // stdin/stdout redirection.
  int in[2], out[2];
  pipe(in);
  pipe(out);
  write(in[1], "abc", 3);
  close(in[1]);
  const char* cat[] = {"cat", 0};
  pid = child_spawn((char* const*) cat, in[0], out[1]);
  close(in[0]);
  close(out[1]);
  char b[16];
  long n = read(out[0], b, sizeof b);
  child_wait(pid, &st);
  t.testrun(n == 3 && memcmp(b, "abc", 3) == 0, "fd redirection");
  close(out[0]);

  // trigger + poll.
  char dir[] = "/tmp/qmmiscXXXXXX";
  mkdtemp(dir);
  std::string fifo = std::string(dir) + "/trigger";
  qm_mkfifo(fifo.c_str(), 0622);
  for (int hold = 0; hold < 2; ++hold) {
    Trigger tr;
    std::string h = hold ? " (held write fd)" : "";
    t.testrun(tr.open(fifo.c_str(), hold != 0), "trigger open" + h);
    PollFd pf;
    pf.fd = tr.fd();
    pf.events = kPollIn;
    t.testrun(io_pause(&pf, 1, 0) == 0, "idle trigger not readable" + h);
    trigger_pull(fifo.c_str());
    t.testrun(io_pause(&pf, 1, 1000) == 1 && (pf.revents & kPollIn),
              "pulled trigger readable" + h);
    t.testrun(tr.drain(), "drain" + h);
    pf.fd = tr.fd();
    t.testrun(io_pause(&pf, 1, 0) == 0, "quiet again after drain" + h);
  }
  trigger_pull((std::string(dir) + "/none").c_str());
  t.testrun(true, "pull without a FIFO is harmless");
  PollFd none;
  none.fd = -1;
  none.events = kPollIn;
  t.testrun(io_pause(&none, 1, 10) == 0, "poll timeout");

  // Privilege drop: only meaningful as root.
  if (geteuid() == 0) {
    pid = fork();
    if (pid == 0) {
      if (!prot_gid(65534) || !prot_uid(65534)) _exit(1);
      if (getuid() != 65534 || geteuid() != 65534 || getgid() != 65534) _exit(2);
      gid_t groups[4];
      int n = getgroups(4, groups);
      if (n != 1 || groups[0] != 65534) _exit(3);
      _exit(setuid(0) == 0 ? 4 : 0);
    }
    child_wait(pid, &st);
    t.testrun(qm_wait_exitcode(st) == 0, "prot_gid/prot_uid drop for good");
  } else {
    t.untested("prot_gid/prot_uid drop (needs root)");
  }
  t.testrun(geteuid() == 0 || !prot_uid(0), "prot_uid(0) refused unprivileged");

  // Installation constants and the sandbox override.
  unsetenv("QM_SANDBOX_HOME");
  t.testrun(std::string(qm_home()) == qm_compiled_home() && !qm_sandbox(),
            "compiled home without sandbox");
  setenv("QM_SANDBOX_HOME", dir, 1);
  t.testrun(std::string(qm_home()) == dir && qm_sandbox() &&
                qm_uid(kUserQmailq) == (int) getuid() &&
                qm_gid(kGroupQmail) == (int) getgid(),
            "sandbox home and ids");
  setenv("QM_SANDBOX_HOME", "relative/path", 1);
  t.testrun(!qm_sandbox(), "relative sandbox path ignored");
  t.testrun(std::string(qm_user_name(kUserQmails)) == "qmails" &&
                std::string(qm_group_name(kGroupNofiles)) == "nofiles" &&
                std::string(qm_break()) == "-" && kQmSplit == 23,
            "names and constants");
  system((std::string("rm -rf ") + dir).c_str());
  return 0;
}
