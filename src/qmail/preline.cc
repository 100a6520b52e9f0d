// preline: feed a program the message with the From_, Return-Path and
// Delivered-To lines in front (pop3-qmqp-tools §7.5).
//
// Run from .qmail: |preline [ -fdrFDR ] command [ arg ... ].  Needs
// UFLINE, RPLINE and DTLINE from qmail-local.  -f, -r, -d leave out the
// From_ line, Return-Path, Delivered-To; -F, -R, -D put them back.  The
// command reads a pipe; preline exits with the command's exit code (111
// for a crash, or when the pipe, fork or copy fails; 100 for usage).
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/mail/runchild.h"

static void die_usage() {
  msg_usage("preline cmd [ arg ... ]");
  _exit(100);
}

int main(int argc, char** argv) {
  msg_init("preline");
  qm_sig_ignore(SIGPIPE);
  const char* ufline = env_get("UFLINE");
  const char* rpline = env_get("RPLINE");
  const char* dtline = env_get("DTLINE");
  if (!ufline || !rpline || !dtline) die_usage();
  bool uf = true, rp = true, dt = true;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "frdFRD")) != -1) {
    switch (c) {
      case 'f': uf = false; break;
      case 'F': uf = true; break;
      case 'r': rp = false; break;
      case 'R': rp = true; break;
      case 'd': dt = false; break;
      case 'D': dt = true; break;
      default: die_usage();
    }
  }
  if (st.ind >= argc) die_usage();
  Bytes head;
  if ((uf && !head.append(ufline)) || (rp && !head.append(rpline)) ||
      (dt && !head.append(dtline))) {
    msg_fatal("out of memory");
    _exit(111);
  }
  int code = run_feed(argv + st.ind, head.data(), head.len(), 0);
  if (code < 0) {
    child_error(code);
    _exit(111);
  }
  _exit(code);
}
