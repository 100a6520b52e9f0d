// qmail-queue: put one message into the queue.
//
// Started by every program that queues mail (qmail-inject, qmail-smtpd,
// qmail-local forwards, qmail-send bounces).  Installed setuid qmailq;
// it trusts nothing it reads: the message (fd 0) is copied unexamined and
// the envelope (read from fd 1: F<sender>\0 T<rcpt>\0 ... \0) is only
// checked for its record letters and address lengths.  It writes
// queue/mess/<split>/<id> (the Received line plus the message) and
// queue/intd/<id>, hard-links intd to queue/todo/<id> (the commit point)
// and pulls queue/lock/trigger.  Every file and directory entry the
// commit depends on is fsynced before the todo link and the todo
// directory is fsynced before exit 0.  Exit codes are the qmail-queue(8)
// contract: 0 queued, 11 address too long, 51 memory, 52 timeout, 53
// write error, 54 read error, 61 home, 62-66 queue directories, 81
// internal bug, 91 envelope format.  Prints nothing.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/sync.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/str.h"
#include "src/lib/trigger.h"
#include "src/mail/auto.h"

enum { kAddrMax = 1002 };

// Names of the files this run created, for cleanup on failure.
static char g_pidfn[96];
static char g_messfn[64];
static char g_intdfn[64];
static char g_todofn[64];
static int g_messfd = -1;
static int g_intdfd = -1;
static bool g_mademess = false;
static bool g_madeintd = false;

// Before the commit point nothing must be left that could be mistaken for
// a message: empty the files first (a reader may hold them open), then
// unlink them.
static void cleanup() {
  if (g_madeintd) {
    if (g_intdfd != -1 && ftruncate(g_intdfd, 0) == -1) {}
    if (unlink(g_intdfn) == -1) return;
  }
  if (g_mademess) {
    if (g_messfd != -1 && ftruncate(g_messfd, 0) == -1) {}
    if (unlink(g_messfn) == -1) return;
  }
}

static void die(int code) {
  cleanup();
  _exit(code);
}
static void die_write() { die(53); }
static void die_read() { die(54); }
static void die_format() { die(91); }

extern "C" void on_alarm(int) { _exit(52); }
extern "C" void on_bug(int) { die(81); }

static size_t put_str(char* s, const char* t) {
  size_t n = str_len(t);
  for (size_t i = 0; i < n; ++i) s[i] = t[i];
  return n;
}

// "queue/dir/<split>/<id>" style names, built without allocation.
static void make_name(char* out, const char* dir, bool split,
                      unsigned long id) {
  size_t n = put_str(out, dir);
  if (split) {
    n += fmt_ulong(out + n, id % kQmSplit);
    out[n++] = '/';
  }
  n += fmt_ulong(out + n, id);
  out[n] = 0;
}

// Who called us, for the Received line.  In a sandbox every qmail id is
// the caller's own, so the id cannot tell; the calling qmail program may
// say who it is there instead (harmless: a sandbox grants nothing).
static const char* invoker(unsigned long uid) {
  if (qm_sandbox()) {
    const char* who = env_get("QM_SANDBOX_CALLER");
    if (!who) return 0;
    if (str_equal(who, "alias")) return "by alias";
    if (str_equal(who, "qmaild")) return "from network";
    if (str_equal(who, "qmails")) return "for bounce";
    return 0;
  }
  if (uid == (unsigned long) qm_uid(kUserAlias)) return "by alias";
  if (uid == (unsigned long) qm_uid(kUserQmaild)) return "from network";
  if (uid == (unsigned long) qm_uid(kUserQmails)) return "for bounce";
  return 0;
}

static size_t received_line(char* buf, unsigned long pid, unsigned long uid,
                            unsigned long now) {
  size_t n = put_str(buf, "Received: (qmail ");
  n += fmt_ulong(buf + n, pid);
  n += put_str(buf + n, " invoked ");
  const char* who = invoker(uid);
  if (who) {
    n += put_str(buf + n, who);
  } else {
    n += put_str(buf + n, "by uid ");
    n += fmt_ulong(buf + n, uid);
  }
  n += put_str(buf + n, "); ");
  DateTime dt;
  date_from_unix(&dt, now);
  n += fmt_date822(buf + n, &dt);
  buf[n++] = '\n';
  return n;
}

// Create the message file under a private pid/ name, learn its inode
// number (the message id) and move it to its place under mess/.
static unsigned long create_message(unsigned long pid, unsigned long now) {
  struct stat st;
  for (unsigned int seq = 1;; ++seq) {
    if (seq > 9) die(63);
    size_t n = put_str(g_pidfn, "pid/");
    n += fmt_ulong(g_pidfn + n, pid);
    g_pidfn[n++] = '.';
    n += fmt_ulong(g_pidfn + n, now);
    g_pidfn[n++] = '.';
    n += fmt_ulong(g_pidfn + n, seq);
    g_pidfn[n] = 0;
    g_messfd = open_excl(g_pidfn, 0644);
    if (g_messfd != -1) break;
    if (errno != EEXIST) die(63);
  }
  if (fstat(g_messfd, &st) == -1) die(63);
  unsigned long id = (unsigned long) st.st_ino;
  make_name(g_messfn, "mess/", true, id);
  make_name(g_intdfn, "intd/", false, id);
  make_name(g_todofn, "todo/", false, id);
  if (link(g_pidfn, g_messfn) == -1) die(64);
  g_mademess = true;
  if (unlink(g_pidfn) == -1) die(63);
  return id;
}

static void write_all_or_die(int fd, const char* s, size_t n) {
  if (!write_all(fd, s, n)) die_write();
}

static void copy_message(const char* rline, size_t rlen) {
  char buf[16384];
  size_t len = rlen;
  for (size_t i = 0; i < rlen; ++i) buf[i] = rline[i];
  for (;;) {
    ssize_t r = read(0, buf + len, sizeof buf - len);
    if (r == -1) {
      if (errno == EINTR) continue;
      die_read();
    }
    if (r == 0) break;
    len += (size_t) r;
    if (len == sizeof buf) {
      write_all_or_die(g_messfd, buf, len);
      len = 0;
    }
  }
  write_all_or_die(g_messfd, buf, len);
}

// Envelope reader over fd 1 with a small buffer.
static char g_ebuf[4096];
static size_t g_epos = 0;
static size_t g_elen = 0;

static char env_get_byte() {
  if (g_epos == g_elen) {
    for (;;) {
      ssize_t r = read(1, g_ebuf, sizeof g_ebuf);
      if (r == -1 && errno == EINTR) continue;
      if (r <= 0) die_read();
      g_elen = (size_t) r;
      g_epos = 0;
      break;
    }
  }
  return g_ebuf[g_epos++];
}

// Read one address through its NUL into out (with the record letter in
// front): the record as it goes into intd.  Returns its length.
static size_t read_address(char* out) {
  size_t n = 1;
  for (;;) {
    char c = env_get_byte();
    out[n++] = c;
    if (!c) return n;
    if (n > kAddrMax + 1) die(11);
  }
}

static void copy_envelope(unsigned long uid, unsigned long pid) {
  char rec[kAddrMax + 3];
  char head[2 * kFmtUlong + 4];
  size_t n = 0;
  head[n++] = 'u';
  n += fmt_ulong(head + n, uid);
  head[n++] = 0;
  head[n++] = 'p';
  n += fmt_ulong(head + n, pid);
  head[n++] = 0;
  char obuf[8192];
  size_t olen = 0;
  for (size_t i = 0; i < n; ++i) obuf[olen++] = head[i];
  if (env_get_byte() != 'F') die_format();
  rec[0] = 'F';
  for (;;) {
    size_t r = read_address(rec);
    if (olen + r > sizeof obuf) {
      write_all_or_die(g_intdfd, obuf, olen);
      olen = 0;
    }
    for (size_t i = 0; i < r; ++i) obuf[olen++] = rec[i];
    char c = env_get_byte();
    if (!c) break;
    if (c != 'T') die_format();
    rec[0] = 'T';
  }
  write_all_or_die(g_intdfd, obuf, olen);
}

int main() {
  umask(033);
  qm_sig_ignore(SIGPIPE);
  qm_sig_catch(SIGALRM, on_alarm);
  qm_sig_catch(SIGSEGV, on_bug);
  qm_sig_catch(SIGBUS, on_bug);
  qm_sig_catch(SIGILL, on_bug);
  qm_sig_catch(SIGFPE, on_bug);
  alarm(86400);
  if (!qm_chdir_home()) die(61);
  if (chdir("queue") == -1) die(62);

  unsigned long pid = (unsigned long) getpid();
  unsigned long uid = (unsigned long) getuid();
  unsigned long now = now_sec();
  char rline[128];
  size_t rlen = received_line(rline, pid, uid, now);

  unsigned long id = create_message(pid, now);
  copy_message(rline, rlen);
  g_intdfd = open_excl(g_intdfn, 0644);
  if (g_intdfd == -1) die(65);
  g_madeintd = true;
  copy_envelope(uid, pid);
  // Both files are written before the first fsync, so that one journal
  // commit carries both where the file system works that way; each is
  // still fsynced on its own.  The mess entry must survive a crash
  // before todo can point at it.
  if (!qm_fsync(g_messfd)) die_write();
  if (!qm_fsync(g_intdfd)) die_write();
  char dir[32];
  size_t dn = put_str(dir, "mess/");
  dn += fmt_ulong(dir + dn, id % kQmSplit);
  dir[dn] = 0;
  if (!qm_fsync_dir(dir)) die_write();
  if (link(g_intdfn, g_todofn) == -1) die(66);
  // From here on the message exists: no cleanup may remove it.
  g_mademess = g_madeintd = false;
  if (!qm_fsync_dir("todo")) _exit(53);
  trigger_pull("lock/trigger");
  _exit(0);
}
