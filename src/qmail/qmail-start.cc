// qmail-start: start qmail-send and its helper daemons.
//
// Usage: qmail-start [ defaultdelivery [ logger arg ... ] ].  Run as
// root from a boot script (boot/home etc.) under "env -".  It makes the
// pipes of qmail-core §5, starts the logger (uid qmaill, gid nofiles) if
// one is named, qmail-lspawn (root), qmail-rspawn (qmailr) and
// qmail-clean (qmailq), all found through PATH, and finally becomes
// qmail-send (qmails) with fds 0 log, 1/2 lspawn, 3/4 rspawn, 5/6 clean.
// Every process gets gid qmail unless noted.  It reads no files and
// trusts its arguments (only root can run it).  Prints nothing; exit 111
// on any failure.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/fd.h"
#include "src/lib/prot.h"
#include "src/lib/spawn.h"
#include "src/mail/auto.h"

static void die() { _exit(111); }

// Put src[i] on fd target[i] for every i, whatever numbers the sources
// have: first lift them all above the targets, then place them.
static void place(const int* target, const int* src, int n) {
  int high[8];
  for (int i = 0; i < n; ++i) {
    high[i] = fcntl(src[i], F_DUPFD, 20);
    if (high[i] == -1) die();
  }
  for (int i = 0; i < n; ++i)
    if (!fd_copy(target[i], high[i])) die();
  for (int i = 0; i < n; ++i) close(high[i]);
}

static void run(const char* name, const char* arg) {
  const char* argv[3];
  argv[0] = name;
  argv[1] = arg;
  argv[2] = 0;
  path_exec((char* const*) argv);
  die();
}

int main(int argc, char** argv) {
  if (chdir("/") == -1) die();
  umask(077);
  if (!prot_gid(qm_gid(kGroupQmail))) die();
  const char* dd = argc > 1 ? argv[1] : "./Mailbox";
  bool logger = argc > 2;
  int p[7][2];
  for (int i = 0; i < 7; ++i) {
    if (i == 0 && !logger) continue;
    if (pipe(p[i]) == -1) die();
    fd_coe(p[i][0]);
    fd_coe(p[i][1]);
  }
  if (logger) {
    int pid = fork();
    if (pid == -1) die();
    if (pid == 0) {
      if (!prot_gid(qm_gid(kGroupNofiles))) die();
      if (!prot_uid(qm_uid(kUserQmaill))) die();
      int t[1] = {0}, s[1] = {p[0][0]};
      place(t, s, 1);
      path_exec(argv + 2);
      die();
    }
  }
  int pid = fork();
  if (pid == -1) die();
  if (pid == 0) {
    int t[2] = {0, 1}, s[2] = {p[1][0], p[2][1]};
    place(t, s, 2);
    run("qmail-lspawn", dd);
  }
  pid = fork();
  if (pid == -1) die();
  if (pid == 0) {
    if (!prot_uid(qm_uid(kUserQmailr))) die();
    int t[2] = {0, 1}, s[2] = {p[3][0], p[4][1]};
    place(t, s, 2);
    run("qmail-rspawn", 0);
  }
  pid = fork();
  if (pid == -1) die();
  if (pid == 0) {
    if (!prot_uid(qm_uid(kUserQmailq))) die();
    int t[2] = {0, 1}, s[2] = {p[5][0], p[6][1]};
    place(t, s, 2);
    run("qmail-clean", 0);
  }
  if (!prot_uid(qm_uid(kUserQmails))) die();
  int t[7] = {0, 1, 2, 3, 4, 5, 6};
  int s[7] = {logger ? p[0][1] : 1, p[1][1], p[2][0], p[3][1], p[4][0],
              p[5][1], p[6][0]};
  place(t, s, 7);
  run("qmail-send", 0);
  return 111;
}
