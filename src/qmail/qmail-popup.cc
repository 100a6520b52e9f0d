// qmail-popup: the unauthenticated part of a POP3 session.
//
// Started by tcpserver as "qmail-popup hostname subprogram [arg ...]",
// usually as root.  Reads POP3 commands on fd 0 and answers on fd 1 until
// the client gives USER/PASS or APOP; then runs subprogram (a
// checkpassword-compatible checker) with login, secret and the APOP
// timestamp on its fd 3, and exits when it does.  Trusts nothing the
// client sends; never logs or keeps the secret.  Exit 0 after QUIT or a
// successful session, 1 on any error, end of input or failed login.
#include "config.h"

#include <sys/types.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/md5.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"

enum { kTimeout = 1200, kLineMax = 1024 };

static Output* g_out;

static void flush_or_die() {
  if (!g_out->flush()) _exit(1);
}

static void reply(const char* s) {
  if (!g_out->puts(s) || !g_out->puts("\r\n")) _exit(1);
  flush_or_die();
}

static void die(const char* s) {
  reply(s);
  _exit(1);
}
static void die_nomem() { die("-ERR out of memory"); }
static void die_usage() { die("-ERR usage: popup hostname subprogram"); }

struct Session {
  Bytes user;
  bool have_user;
  Bytes stamp;
  char** child_argv;
};

// Hand (login, secret, timestamp) to the checker on its fd 3, wait for
// it, and end the session with its verdict.
static void run_checker(Session* s, const char* login, size_t llen,
                        char* secret, size_t slen) {
  Bytes data;
  if (!data.append(login, llen) || !data.append_byte(0) ||
      !data.append(secret, slen) || !data.append_byte(0) ||
      !data.append(s->stamp) || !data.append_byte(0))
    die_nomem();
  md5_wipe(secret, slen);
  flush_or_die();
  close(3);
  int pi[2];
  if (pipe(pi) == -1) die("-ERR unable to open pipe");
  // The read end must land on fd 3 in the child, and the write end must
  // not, whatever numbers pipe() picked.
  if (pi[1] == 3) {
    int w = dup(pi[1]);
    if (w == -1) die("-ERR unable to open pipe");
    close(pi[1]);
    pi[1] = w;
  }
  int pid = fork();
  if (pid == -1) die("-ERR unable to fork");
  if (pid == 0) {
    close(pi[1]);
    if (pi[0] != 3 && (dup2(pi[0], 3) == -1 || close(pi[0]) == -1)) _exit(1);
    fd_nocoe(3);
    qm_sig_default(SIGPIPE);
    path_exec(s->child_argv);
    _exit(1);
  }
  close(pi[0]);
  bool ok = write_all(pi[1], data.data(), data.len());
  md5_wipe(data.data(), data.len());
  if (close(pi[1]) == -1) ok = false;
  if (!ok) die("-ERR unable to write pipe");
  int st;
  if (qm_wait_pid(&st, pid) != pid) die("-ERR aack, child crashed");
  if (qm_wait_crashed(st)) die("-ERR aack, child crashed");
  if (qm_wait_exitcode(st) != 0) die("-ERR authorization failed");
  _exit(0);
}

static void cmd_user(Session* s, char* arg, size_t n) {
  if (!n) {
    reply("-ERR syntax error");
    return;
  }
  if (!s->user.copy(arg, n)) die_nomem();
  s->have_user = true;
  reply("+OK ");
}

static void cmd_pass(Session* s, char* arg, size_t n) {
  if (!s->have_user) {
    reply("-ERR USER first");
    return;
  }
  if (!n) {
    reply("-ERR syntax error");
    return;
  }
  run_checker(s, s->user.data(), s->user.len(), arg, n);
}

static void cmd_apop(Session* s, char* arg, size_t n) {
  size_t sp = byte_chr(arg, n, ' ');
  if (sp == n) {
    reply("-ERR syntax error");
    return;
  }
  run_checker(s, arg, sp, arg + sp + 1, n - sp - 1);
}

// One command line: the verb up to the first space, the argument after
// the spaces that follow it.
static void dispatch(Session* s, Bytes& line) {
  size_t n = line.len();
  if (n && line.data()[n - 1] == '\n') --n;
  if (n && line.data()[n - 1] == '\r') --n;
  char* p = line.data();
  size_t vlen = byte_chr(p, n, ' ');
  size_t a = vlen;
  while (a < n && p[a] == ' ') ++a;
  char* arg = p + a;
  size_t alen = n - a;
  if (case_equal(p, vlen, "user", 4)) {
    cmd_user(s, arg, alen);
  } else if (case_equal(p, vlen, "pass", 4)) {
    cmd_pass(s, arg, alen);
  } else if (case_equal(p, vlen, "apop", 4)) {
    cmd_apop(s, arg, alen);
  } else if (case_equal(p, vlen, "quit", 4)) {
    reply("+OK ");
    _exit(0);
  } else if (case_equal(p, vlen, "noop", 4)) {
    reply("+OK ");
  } else {
    reply("-ERR authorization first");
  }
  md5_wipe(line.data(), line.len());
}

static void make_stamp(Bytes& stamp, const char* host) {
  char num[kFmtUlong];
  if (!stamp.copy("<")) die_nomem();
  if (!stamp.append(num, fmt_ulong(num, (unsigned long) getpid())))
    die_nomem();
  if (!stamp.append_byte('.')) die_nomem();
  if (!stamp.append(num, fmt_ulong(num, (unsigned long) time(0))))
    die_nomem();
  if (!stamp.append_byte('@') || !stamp.append(host) ||
      !stamp.append_byte('>'))
    die_nomem();
}

int main(int argc, char** argv) {
  char obuf[1024];
  Output out(1, obuf, sizeof obuf);
  out.set_timeout(kTimeout);
  g_out = &out;
  qm_sig_ignore(SIGPIPE);
  if (argc < 3) die_usage();
  Session s;
  s.have_user = false;
  s.child_argv = argv + 2;
  make_stamp(s.stamp, argv[1]);
  if (!out.puts("+OK ") || !out.put_bytes(s.stamp) || !out.puts("\r\n"))
    _exit(1);
  flush_or_die();
  // One byte at a time: whatever a client sends after PASS belongs to the
  // server that the checker starts, so none of it may sit in our buffer.
  char ibuf[1];
  Input in(0, ibuf, sizeof ibuf);
  in.set_timeout(kTimeout);
  Bytes line;
  for (;;) {
    int r = in.get_line(line, '\n', kLineMax);
    if (r == 2) die("-ERR line too long");
    if (r != 1) _exit(1);
    dispatch(&s, line);
  }
}
