// qmail-lspawn: run local deliveries for qmail-send.
//
// Started by qmail-start as root with one argument, the default delivery
// instructions, and speaks the spawn protocol (src/mail/spawnd.h) with
// qmail-send on fd 0/1.  For each delivery a child process looks the
// local part up in users/cdb (in-process; qmail-getpw as qmailp only when
// users/cdb has no answer), drops to the recipient's uid and gid and
// runs qmail-local's code (src/mail/deliver.cc) with qmail 1.03's
// argument list, in-process: the same work as exec'ing bin/qmail-local,
// without the cost of a second program start per delivery.  That holds
// only while bin/qmail-local is that code, so at start-up qmail-lspawn
// looks for deliver_what in it; a site's own qmail-local (a wrapper, a
// patched program) is exec'd for every delivery, as in qmail 1.03.  No
// address or .qmail parsing happens here beyond splitting the recipient
// at its last '@'.  The child's exit code (qmail-local's, or a QLX code of
// our own) becomes the result letter.  Exit 100 without the argument, 111 when
// qmail-send's pipes break, 0 at end of input.
#include "config.h"

#include <sys/types.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/prot.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/deliver.h"
#include "src/mail/spawnd.h"
#include "src/mail/users.h"

// Exit codes of the delivery child (qmail's QLX numbers).
enum {
  kQlxUsage = 112, kQlxRoot = 113, kQlxNfs = 115, kQlxNoAlias = 116,
  kQlxCdb = 117, kQlxSys = 118, kQlxNomem = 119, kQlxExecSoft = 120,
  kQlxExecPw = 121, kQlxExecHard = 126
};

static const char* g_aliasempty = 0;
static bool g_inprocess = false;

// Whether the file holds deliver_what (with its NUL), read in blocks
// that overlap by the marker's length.
static bool holds_deliver(const char* path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1) return false;
  size_t m = strlen(deliver_what) + 1;
  char buf[8192];
  size_t have = 0;
  bool found = false;
  for (;;) {
    ssize_t r = read(fd, buf + have, sizeof buf - have);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) break;
    have += (size_t) r;
    for (size_t i = 0; !found && i + m <= have; ++i)
      found = buf[i] == deliver_what[0] &&
              memcmp(buf + i, deliver_what, m) == 0;
    if (found) break;
    if (have >= m) {
      memmove(buf, buf + have - (m - 1), m - 1);
      have = m - 1;
    }
  }
  close(fd);
  return found;
}

static bool init(int argc, char** argv) {
  if (argc < 2 || !argv[1]) _exit(100);
  g_aliasempty = argv[1];
  g_inprocess = holds_deliver("bin/qmail-local");
  return true;
}

// Run qmail-getpw as qmailp and collect its six fields; exits the child
// with qmail-getpw's own code when it fails.
static void getpw(const char* local, Bytes& out) {
  int pi[2];
  if (pipe(pi) == -1) _exit(kQlxSys);
  int pid = fork();
  if (pid == -1) _exit(kQlxSys);
  if (pid == 0) {
    close(pi[0]);
    if (!fd_move(1, pi[1])) _exit(kQlxSys);
    fd_nocoe(1);
    if (getuid() == 0 || geteuid() == 0) {
      if (!prot_gid(qm_gid(kGroupNofiles))) _exit(kQlxSys);
      if (!prot_uid(qm_uid(kUserQmailp))) _exit(kQlxSys);
    }
    const char* args[3];
    args[0] = "bin/qmail-getpw";
    args[1] = local;
    args[2] = 0;
    execv(args[0], (char* const*) args);
    _exit(kQlxExecPw);
  }
  close(pi[1]);
  char buf[1024];
  for (;;) {
    ssize_t r = read(pi[0], buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) break;
    if (!out.append(buf, (size_t) r)) _exit(kQlxNomem);
  }
  close(pi[0]);
  int st;
  if (qm_wait_pid(&st, pid) != pid) _exit(kQlxSys);
  if (qm_wait_crashed(st)) _exit(kQlxSys);
  int code = qm_wait_exitcode(st);
  if (code) _exit(code);
}

// The delivery child: runs as root until prot_uid.
static void child(int fdmess, int fdout, const char* sender, char* recip,
                  size_t at) {
  if (!spawnd_child_fds(fdmess, fdout)) _exit(kQlxSys);
  recip[at] = 0;
  // An empty local part is the trash address: accepted, delivered nowhere.
  if (!recip[0]) _exit(0);
  if (!qm_chdir_home()) _exit(kQlxUsage);
  Bytes rec;
  int r = users_lookup(recip, at, rec);
  if (r == -1) _exit(errno == ENOMEM ? kQlxNomem : kQlxCdb);
  if (r == 0) getpw(recip, rec);
  const char* f[6];
  if (!users_fields(rec, f)) _exit(kQlxSys);
  unsigned long uid, gid;
  if (!scan_ulong_all(f[1], str_len(f[1]), &uid)) _exit(kQlxSys);
  if (!scan_ulong_all(f[2], str_len(f[2]), &gid)) _exit(kQlxSys);
  const char* args[11];
  args[0] = "bin/qmail-local";
  args[1] = "--";
  args[2] = f[0];
  args[3] = f[3];
  args[4] = recip;
  args[5] = f[4];
  args[6] = f[5];
  args[7] = recip + at + 1;
  args[8] = sender;
  args[9] = g_aliasempty;
  args[10] = 0;
  if (!prot_gid((int) gid)) _exit(kQlxUsage);
  if (!prot_uid((int) uid)) _exit(kQlxUsage);
  if (getuid() == 0) _exit(kQlxRoot);
  if (g_inprocess) _exit(deliver_main(10, (char**) args));
  execv(args[0], (char* const*) args);
  _exit(err_temporary(errno) ? kQlxExecSoft : kQlxExecHard);
}

static int start(int fdmess, int fdout, const char* sender, const char* recip,
                 size_t at) {
  int pid = fork();
  if (pid == 0) child(fdmess, fdout, sender, (char*) recip, at);
  return pid;
}

static const char* coded_text(int code) {
  switch (code) {
    case kQlxUsage: return "ZInternal qmail-lspawn bug.\n";
    case kQlxRoot: return "ZNot allowed to perform deliveries as root.\n";
    case kQlxNfs: return "ZNFS failure in qmail-local.\n";
    case kQlxNoAlias: return "ZUnable to find alias user!\n";
    case kQlxCdb: return "ZTrouble reading users/cdb in qmail-lspawn.\n";
    case kQlxSys: return "ZTemporary failure in qmail-lspawn.\n";
    case kQlxNomem: return "ZOut of memory in qmail-lspawn.\n";
    case kQlxExecSoft: return "ZUnable to run qmail-local.\n";
    case kQlxExecPw: return "ZUnable to run qmail-getpw.\n";
    case kQlxExecHard: return "DUnable to run qmail-local.\n";
    default: return 0;
  }
}

static bool report(Bytes& out, int st, const char* text, size_t len) {
  if (qm_wait_crashed(st)) return out.append("Zqmail-local crashed.\n");
  int code = qm_wait_exitcode(st);
  const char* coded = coded_text(code);
  if (coded) return out.append(coded);
  char letter = 'D';
  if (code == 0) letter = 'K';
  if (code == 111 || code == 71 || code == 74 || code == 75) letter = 'Z';
  return out.append_byte(letter) && out.append(text, byte_chr(text, len, 0));
}

int main(int argc, char** argv) {
  Spawner sp;
  sp.init = init;
  sp.start = start;
  sp.report = report;
  sp.truncate = 3000;
  return spawnd_main(&sp, argc, argv);
}
