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
// A command that stops reading its input early is not an error.
#include "config.h"

#include <sys/types.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/str.h"
#include "src/mail/runchild.h"

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
  int code = run_feed(nargv, head.data(), head.len(), 0);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  _exit(code);
}
