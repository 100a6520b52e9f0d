// sendmail: the sendmail command line, for programs that expect one.
//
// Run by users and programs as sendmail, mailq or newaliases (links to
// bin/sendmail).  Trusts nothing but its arguments, which it translates:
//   sendmail [ -t ] [ -f sender ] [ -F name ] [ -bm | -bp | -bs ] args
// becomes bin/qmail-inject -a|-H [ -f sender ] -- args (with MAILNAME set
// by -F); -bp (and the name mailq) runs bin/qmail-qread; -bs runs
// bin/qmail-smtpd on stdin/stdout as a trusted local client.  Options
// sendmail users habitually pass (-i -oi -v -m -x -E -J -oX -eX -pX -BX)
// are accepted and ignored.  Runs from the qmail home.  Exit codes are
// those of the program it becomes; 100 for bad usage or newaliases, 111
// when the home or the program cannot be reached.
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include "src/lib/env.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static void die_usage() {
  msg_usage("sendmail [ -t ] [ -fsender ] [ -Fname ] [ -bp ] [ -bs ] "
            "[ arg ... ]");
  _exit(100);
}
static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}

static void run(const char* prog, char** argv) {
  execv(prog, argv);
  msg_fatal("unable to run ", prog + 4);
  _exit(111);
}

static void mailq() {
  char* argv[2];
  argv[0] = (char*) "qmail-qread";
  argv[1] = 0;
  run("bin/qmail-qread", argv);
}

static void smtpd() {
  // A local user is trusted like a relay client, without size limit.
  if (!env_get("PROTO")) {
    if (!env_set("RELAYCLIENT", "") || !env_set("DATABYTES", "0") ||
        !env_set("PROTO", "TCP") || !env_set("TCPLOCALIP", "127.0.0.1") ||
        !env_set("TCPLOCALHOST", "localhost") ||
        !env_set("TCPREMOTEIP", "127.0.0.1") ||
        !env_set("TCPREMOTEHOST", "localhost") ||
        !env_set("TCPREMOTEINFO", "sendmail-bs"))
      die_nomem();
  }
  char* argv[2];
  argv[0] = (char*) "qmail-smtpd";
  argv[1] = 0;
  run("bin/qmail-smtpd", argv);
}

static const char* base_name(const char* s) {
  const char* b = s;
  for (; *s; ++s)
    if (*s == '/') b = s + 1;
  return b;
}

int main(int argc, char** argv) {
  msg_init("sendmail");
  const char* name = argc ? base_name(argv[0]) : "sendmail";
  if (str_equal(name, "newaliases")) {
    msg_fatal("please use fastforward/newaliases instead");
    _exit(100);
  }
  if (!qm_chdir_home()) {
    msg_fatal("unable to switch to qmail home directory");
    _exit(111);
  }
  if (str_equal(name, "mailq")) mailq();
  bool header = false;
  const char* sender = 0;
  OptState st;
  opt_init(&st);
  int c;
  while ((c = opt_next(&st, argc, argv, "vimte:f:p:o:B:F:EJxb:")) != -1) {
    switch (c) {
      case 'v': case 'i': case 'm': case 'e': case 'p': case 'o': case 'B':
      case 'E': case 'J': case 'x':
        break;
      case 't': header = true; break;
      case 'f': sender = st.arg; break;
      case 'F':
        if (!env_set("MAILNAME", st.arg)) die_nomem();
        break;
      case 'b':
        switch (st.arg[0]) {
          case 'm': break;
          case 'p': mailq(); break;
          case 's': smtpd(); break;
          default: die_usage();
        }
        break;
      default:
        die_usage();
    }
  }
  int nargs = argc - st.ind;
  if (nargs < 0) nargs = 0;
  size_t n = (size_t) nargs + 6;
  char** av = (char**) malloc(n * sizeof(char*));
  if (!av) die_nomem();
  size_t k = 0;
  av[k++] = (char*) "qmail-inject";
  av[k++] = (char*) (header ? "-H" : "-a");
  if (sender) {
    av[k++] = (char*) "-f";
    av[k++] = (char*) sender;
  }
  av[k++] = (char*) "--";
  for (int i = st.ind; i < argc; ++i) av[k++] = argv[i];
  av[k] = 0;
  run("bin/qmail-inject", av);
  return 111;
}
