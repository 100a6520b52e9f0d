// qmail-clean: remove queue files on behalf of qmail-send.
//
// Started by qmail-start as qmailq (the owner of mess/, intd/ and todo/,
// which qmail-send as qmails may not touch).  Reads NUL-terminated
// commands on fd 0 and answers each with one byte on fd 1 (qmail-core
// §8): "foop/<id>" unlinks intd/<id> and mess/<split>/<id>, "todo/<id>"
// unlinks intd/<id> and todo/<id>; '+' done, '!' an unlink failed (other
// than "does not exist"), 'x' malformed command.  Every 30 commands (and
// at start) it removes pid/ files unused for 36 hours, the debris of
// killed qmail-queue runs.  It trusts only that commands are short.
// Exit 0 at end of input, 111 if it cannot reach the queue or write.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/date.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

enum { kCmdMax = 100, kPidAge = 129600 };

static void clean_pid_dir() {
  DIR* d = opendir("pid");
  if (!d) return;
  unsigned long now = now_sec();
  char path[300];
  struct dirent* e;
  while ((e = readdir(d)) != 0) {
    if (e->d_name[0] == '.') continue;
    size_t n = str_len(e->d_name);
    if (n > sizeof path - 5) continue;
    for (size_t i = 0; i < 4; ++i) path[i] = "pid/"[i];
    for (size_t i = 0; i <= n; ++i) path[4 + i] = e->d_name[i];
    struct stat st;
    if (stat(path, &st) == -1) continue;
    if (now > (unsigned long) st.st_atime + kPidAge) unlink(path);
  }
  closedir(d);
}

static bool gone(const char* path) {
  return unlink(path) == 0 || errno == ENOENT;
}

static char run(const char* cmd, size_t n) {
  if (n < 7 || n > kCmdMax) return 'x';
  bool foop = str_starts(cmd, "foop/");
  if (!foop && !str_starts(cmd, "todo/")) return 'x';
  unsigned long id;
  if (!scan_ulong_all(cmd + 5, n - 5, &id)) return 'x';
  char path[kCmdMax + kFmtUlong + 16];
  size_t k = 0;
  const char* intd = "intd/";
  for (size_t i = 0; intd[i]; ++i) path[k++] = intd[i];
  k += fmt_ulong(path + k, id);
  path[k] = 0;
  if (!gone(path)) return '!';
  k = 0;
  const char* dir = foop ? "mess/" : "todo/";
  for (size_t i = 0; dir[i]; ++i) path[k++] = dir[i];
  if (foop) {
    k += fmt_ulong(path + k, id % kQmSplit);
    path[k++] = '/';
  }
  k += fmt_ulong(path + k, id);
  path[k] = 0;
  return gone(path) ? '+' : '!';
}

int main() {
  qm_sig_ignore(SIGPIPE);
  if (!qm_chdir_home()) return 111;
  if (chdir("queue") == -1) return 111;
  char cmd[kCmdMax + 2];
  size_t n = 0;
  bool overlong = false;
  unsigned int count = 0;
  char buf[1024];
  clean_pid_dir();
  for (;;) {
    ssize_t r = read(0, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) return 0;
    for (ssize_t i = 0; i < r; ++i) {
      if (buf[i]) {
        if (n < kCmdMax + 1) cmd[n++] = buf[i];
        else overlong = true;
        continue;
      }
      cmd[n] = 0;
      char answer = overlong ? 'x' : run(cmd, n);
      n = 0;
      overlong = false;
      if (!write_all(1, &answer, 1)) return 111;
      if (++count % 30 == 0) clean_pid_dir();
    }
  }
}
