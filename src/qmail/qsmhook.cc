// qsmhook: run a sendmail-style mailer from a .qmail file.
//
// Run by qmail-local as "|qsmhook [-DFlMmnPsx prefix] command [arg ...]"
// with its environment (DTLINE, RPLINE, UFLINE, LOCAL, HOST, SENDER).  In
// every argument %g becomes the sender, %h the host, %u the recipient
// (LOCAL, minus the -x prefix), %% a percent sign; other %x vanish.  The
// command gets, on a pipe, the From_ line (unless -n), a Return-Path
// (with -P), a Delivered-To (with -l), then the message from fd 0.
// -D -F -M -m -s are accepted and ignored.  Exit: the command's code;
// 100 on bad usage or a command that cannot exist; 111 on temporary
// trouble (fork, pipe, read, a crash, an exec that may work later).
#include "config.h"

#include <sys/types.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/spawn.h"
#include "src/lib/str.h"

static void die_usage() {
  msg_fatal("incorrect usage");
  _exit(100);
}
static void die_temp(const char* what) {
  msg_fatal(what);
  _exit(111);
}
static void die_nomem() { die_temp("out of memory"); }

// Expand the % escapes of one argument into out.
static void expand(Bytes& out, const char* arg, const char* sender,
                   const char* host, const char* rcpt) {
  out.clear();
  for (const char* p = arg; *p; ++p) {
    if (*p != '%') {
      if (!out.append_byte(*p)) die_nomem();
      continue;
    }
    ++p;
    const char* v = 0;
    if (*p == 'g') v = sender;
    else if (*p == 'h') v = host;
    else if (*p == 'u') v = rcpt;
    else if (*p == '%') v = "%";
    if (v && !out.append(v)) die_nomem();
    if (!*p) break;
  }
}

static int run(char** argv, const Bytes& head) {
  int pi[2];
  if (pipe(pi) == -1) die_temp("unable to create pipe");
  int pid = fork();
  if (pid == -1) die_temp("unable to fork");
  if (pid == 0) {
    close(pi[1]);
    if (!fd_move(0, pi[0])) _exit(111);
    qm_sig_default(SIGPIPE);
    path_exec(argv);
    if (err_temporary(errno)) die_temp("temporary problem");
    msg_fatal("command not found");
    _exit(100);
  }
  close(pi[0]);
  // A command that stops reading early is its own business: its exit
  // code decides, so EPIPE only ends the copy.
  bool ok = write_all(pi[1], head.data(), head.len());
  char buf[8192];
  while (ok) {
    long r = read(0, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) die_temp("unable to read message");
    if (r == 0) break;
    ok = write_all(pi[1], buf, (size_t) r);
  }
  if (!ok && errno != EPIPE) die_temp("unable to write to command");
  close(pi[1]);
  int st;
  if (qm_wait_pid(&st, pid) != pid) die_temp("waitpid surprise");
  if (qm_wait_crashed(st)) die_temp("child crashed");
  return qm_wait_exitcode(st);
}

int main(int argc, char** argv) {
  msg_init("qsmhook");
  qm_sig_ignore(SIGPIPE);
  bool from = true, rpath = false, dtline = false;
  const char* prefix = 0;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "DFlMmnPsx:")) != -1) {
    switch (c) {
      case 'n': from = false; break;
      case 'P': rpath = true; break;
      case 'l': dtline = true; break;
      case 'x': prefix = st.arg; break;
      case 'D': case 'F': case 'M': case 'm': case 's': break;
      default: die_usage();
    }
  }
  const char* dt = env_get("DTLINE");
  const char* rp = env_get("RPLINE");
  const char* uf = env_get("UFLINE");
  const char* local = env_get("LOCAL");
  const char* host = env_get("HOST");
  const char* sender = env_get("SENDER");
  if (!dt || !rp || !uf || !local || !host || !sender || st.ind >= argc)
    die_usage();
  const char* rcpt = local;
  if (prefix && case_starts(local, str_len(local), prefix))
    rcpt = local + str_len(prefix);
  // All expanded arguments live in one buffer; pointers are taken once it
  // stops growing.
  int n = argc - st.ind;
  Bytes all, one;
  size_t* offs = (size_t*) malloc((size_t) n * sizeof(size_t));
  char** nargv = (char**) malloc(((size_t) n + 1) * sizeof(char*));
  if (!offs || !nargv) die_nomem();
  for (int i = 0; i < n; ++i) {
    expand(one, argv[st.ind + i], sender, host, rcpt);
    offs[i] = all.len();
    if (!all.append(one) || !all.append_byte(0)) die_nomem();
  }
  for (int i = 0; i < n; ++i) nargv[i] = all.data() + offs[i];
  nargv[n] = 0;
  Bytes head;
  if ((from && !head.append(uf)) || (rpath && !head.append(rp)) ||
      (dtline && !head.append(dt)))
    die_nomem();
  _exit(run(nargv, head));
}
