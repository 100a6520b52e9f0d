// Unit tests for the compat layer.  Each test names the implementation
// it exercised, so a CI log shows which fallback ran (ports/*/config.site
// force the old-system paths on Linux).
#include "qtest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/cwd.h"
#include "compat/fifo.h"
#include "compat/lock.h"
#include "compat/mtime.h"
#include "compat/sig.h"
#include "compat/sync.h"
#include "compat/tzfix.h"
#include "compat/uint32.h"
#include "compat/wait.h"

static volatile sig_atomic_t g_got = 0;
extern "C" void on_usr1(int) { g_got = 1; }

static void put(const char* path, const char* data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, data, strlen(data));
  close(fd);
}

int main() {
  TestState t;
  char dir[] = "/tmp/qmcompatXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;
  std::string m;

  // SavedCwd.
  mkdir("sub", 0755);
  SavedCwd cwd;
  bool ok = cwd.save() && chdir("sub") == 0 && cwd.restore();
  struct stat a, b;
  stat(".", &a);
  stat(dir, &b);
  m = SavedCwd::method();
  t.testrun(ok && a.st_ino == b.st_ino, "cwd restore method=" + m);
  SavedCwd unsaved;
  t.testrun(!unsaved.restore(), "cwd restore without save fails");

  // Locks: a second open file description cannot take the lock.
  m = qm_lock_method();
  int f1 = open("lockfile", O_RDWR | O_CREAT, 0644);
  t.testrun(qm_lock_ex(f1), "lock_ex method=" + m);
  int pid = fork();
  if (pid == 0) {
    int f2 = open("lockfile", O_RDWR);
    _exit(qm_lock_exnb(f2) ? 0 : 1);
  }
  int st;
  qm_wait_pid(&st, pid);
  t.testrun(qm_wait_exitcode(st) == 1, "lock held against another process");
  qm_lock_un(f1);
  pid = fork();
  if (pid == 0) {
    int f2 = open("lockfile", O_RDWR);
    _exit(qm_lock_exnb(f2) ? 0 : 1);
  }
  qm_wait_pid(&st, pid);
  t.testrun(qm_wait_exitcode(st) == 0, "unlock releases");
  close(f1);

  // wait.
  m = qm_wait_method();
  pid = fork();
  if (pid == 0) _exit(42);
  t.testrun(qm_wait_pid(&st, pid) == pid && qm_wait_exitcode(st) == 42,
            "wait exit code method=" + m);
  pid = fork();
  if (pid == 0) {
    kill(getpid(), SIGKILL);
    _exit(0);
  }
  qm_wait_pid(&st, pid);
  t.testrun(qm_wait_crashed(st) && qm_wait_signal(st) == SIGKILL &&
                qm_wait_exitcode(st) == -1,
            "wait crash");
  t.testrun(qm_wait_nohang(&st) <= 0, "nohang with nothing to reap");

  // Signals.
  m = qm_sig_method();
  qm_sig_catch(SIGUSR1, on_usr1);
  kill(getpid(), SIGUSR1);
  t.testrun(g_got == 1, "sig catch method=" + m);
  qm_sig_default(SIGUSR1);

  // FIFO.
  m = qm_fifo_method();
  t.testrun(qm_mkfifo("fifo", 0600) && stat("fifo", &a) == 0 &&
                S_ISFIFO(a.st_mode),
            "mkfifo method=" + m);

  // fsync of a file and a directory.
  int fd = open("data", O_WRONLY | O_CREAT, 0644);
  write(fd, "x", 1);
  t.testrun(qm_fsync(fd) && qm_fdatasync(fd) && qm_fsync_dir("."),
            "fsync file and directory");
  close(fd);
  errno = 0;
  t.testrun(!qm_fsync_dir("nonexistent") && errno == ENOENT,
            "fsync of missing directory fails");

  // mtime.
  t.testrun(qm_set_mtime("data", 1000000000UL) && stat("data", &a) == 0 &&
                (unsigned long) a.st_mtime == 1000000000UL,
            "set mtime");

  // TZ from a file (the IRIX /etc/TIMEZONE case).
  unsetenv("TZ");
  put("TIMEZONE", "# comment\nTZ=JST-9\nOTHER=1\n");
  t.testrun(qm_tz_from_file("TIMEZONE") == 1 && getenv("TZ") &&
                strcmp(getenv("TZ"), "JST-9") == 0,
            "TZ taken from file when unset");
  put("TIMEZONE2", "TZ=EST5EDT\n");
  t.testrun(qm_tz_from_file("TIMEZONE2") == 0 &&
                strcmp(getenv("TZ"), "JST-9") == 0,
            "existing TZ not overridden");
  unsetenv("TZ");
  put("init", "TZ=\"US/Pacific\"\nCMASK=022\n");
  t.testrun(qm_tz_from_file("init") == 1 && strcmp(getenv("TZ"), "US/Pacific") == 0,
            "quotes stripped (Solaris /etc/default/init)");
  unsetenv("TZ");
  errno = 0;
  t.testrun(qm_tz_from_file("missing") == -1 && errno == ENOENT,
            "missing file reported");
  put("none", "LANG=C\n");
  t.testrun(qm_tz_from_file("none") == 0 && getenv("TZ") == 0,
            "file without TZ leaves it unset");

  // uint32 packing is little-endian on every host.
  char p[4];
  qm_uint32_pack(p, 0xdeadbeefUL);
  t.testrun(memcmp(p, "\xef\xbe\xad\xde", 4) == 0 &&
                qm_uint32_unpack(p) == 0xdeadbeefUL && sizeof(qm_uint32) == 4,
            "uint32 little-endian");

  system((std::string("rm -rf ") + dir).c_str());
  return 0;
}
