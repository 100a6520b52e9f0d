// spawnd.cc: the spawn engine of qmail-lspawn and qmail-rspawn.
#include "config.h"
#include "src/mail/spawnd.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/poll.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

struct Slot {
  bool used;
  int pid;
  int fd;       // read end of the child's report pipe
  bool full;    // output reached the truncation limit
  Bytes out;
};

// The command being read from fd 0.
struct Command {
  int stage;    // 0 slot, 1 messid, 2 sender, 3 recipient
  unsigned int slot;
  bool nomem;
  Bytes messid;
  Bytes sender;
  Bytes recip;
};

static const char kTrunc[] = "\nError report too long, sorry.\n";

// A result goes out in one write so results of different slots never
// interleave.
static bool put_result(unsigned int slot, const char* s, size_t n) {
  Bytes r;
  if (!r.append_byte((char) slot) || !r.append(s, n) || !r.append_byte(0)) {
    static const char kNomem[] = "Zqmail-spawn out of memory. (#4.3.0)\n";
    char buf[sizeof kNomem + 1];
    buf[0] = (char) slot;
    for (size_t i = 0; i < sizeof kNomem; ++i) buf[i + 1] = kNomem[i];
    return write_all(1, buf, sizeof buf);
  }
  return write_all(1, r.data(), r.len());
}

static bool put_err(unsigned int slot, const char* text) {
  return put_result(slot, text, str_len(text));
}

// Returns false only when fd 1 is unusable.
static bool do_command(const Spawner* sp, Slot* slots, Command& c) {
  unsigned int n = c.slot;
  if (c.nomem) return put_err(n, "Zqmail-spawn out of memory. (#4.3.0)\n");
  if (n >= (unsigned int) kQmSpawn)
    return put_err(n, "ZInternal error: delnum too big. (#4.3.5)\n");
  if (slots[n].used)
    return put_err(n, "ZInternal error: delnum in use. (#4.3.5)\n");
  const char* m = c.messid.c_str();
  size_t mlen = c.messid.len();
  for (size_t i = 0; i < mlen; ++i)
    if ((m[i] != '/' || i == 0) && (m[i] < '0' || m[i] > '9'))
      return put_err(n, "DInternal error: messid has nonnumerics. (#5.3.5)\n");
  if (mlen > 100)
    return put_err(n, "DInternal error: messid too long. (#5.3.5)\n");
  if (!mlen) return put_err(n, "DInternal error: messid too short. (#5.3.5)\n");
  const char* r = c.recip.c_str();
  size_t at = byte_rchr(r, c.recip.len(), '@');
  if (at == c.recip.len())
    return put_err(n, "DSorry, address must include host name. (#5.1.3)\n");
  slots[n].out.clear();
  int fdmess = open_read(m);
  if (fdmess == -1)
    return put_err(n, "Zqmail-spawn unable to open message. (#4.3.0)\n");
  struct stat st;
  if (fstat(fdmess, &st) == -1) {
    close(fdmess);
    return put_err(n, "Zqmail-spawn unable to fstat message. (#4.3.0)\n");
  }
  if (!S_ISREG(st.st_mode)) {
    close(fdmess);
    return put_err(n, "ZSorry, message has wrong type. (#4.3.5)\n");
  }
  // Only qmail-queue may have written what a delivery program reads.
  if ((int) st.st_uid != qm_uid(kUserQmailq)) {
    close(fdmess);
    return put_err(n, "ZSorry, message has wrong owner. (#4.3.5)\n");
  }
  int pi[2];
  if (pipe(pi) == -1) {
    close(fdmess);
    return put_err(n, "Zqmail-spawn unable to create pipe. (#4.3.0)\n");
  }
  fd_coe(pi[0]);
  int pid = sp->start(fdmess, pi[1], c.sender.c_str(), r, at);
  close(fdmess);
  close(pi[1]);
  if (pid == -1) {
    close(pi[0]);
    return put_err(n, "Zqmail-spawn unable to fork. (#4.3.0)\n");
  }
  fd_ndelay_on(pi[0]);
  slots[n].used = true;
  slots[n].pid = pid;
  slots[n].fd = pi[0];
  slots[n].full = false;
  return true;
}

// Feed bytes from fd 0 to the command parser.
static bool take_input(const Spawner* sp, Slot* slots, Command& c,
                       const char* buf, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    char ch = buf[i];
    if (c.stage == 0) {
      c.slot = (unsigned char) ch;
      c.nomem = false;
      c.messid.clear();
      c.sender.clear();
      c.recip.clear();
      c.stage = 1;
      continue;
    }
    Bytes& field = c.stage == 1 ? c.messid : c.stage == 2 ? c.sender : c.recip;
    size_t k = byte_chr(buf + i, len - i, 0);
    if (!c.nomem && !field.append(buf + i, k)) c.nomem = true;
    i += k;
    if (i == len) break;
    if (++c.stage == 4) {
      c.stage = 0;
      if (!do_command(sp, slots, c)) return false;
    }
  }
  return true;
}

static void collect(const Spawner* sp, Slot& s, const char* buf, size_t r) {
  if (s.full) return;
  s.out.append(buf, r);
  if (sp->truncate && s.out.len() > sp->truncate) {
    s.out.truncate(sp->truncate - (sizeof kTrunc - 1) - 3);
    s.out.append(kTrunc);
    s.full = true;
  }
}

// The child closed its output: reap it and report.
static bool finish(const Spawner* sp, Slot& s, unsigned int n) {
  close(s.fd);
  s.fd = -1;
  int st = 0;
  if (qm_wait_pid(&st, s.pid) != s.pid) st = 0x7f00 | 9;
  Bytes res;
  s.used = false;
  if (!sp->report(res, st, s.out.data() ? s.out.data() : "", s.out.len()))
    return put_err(n, "Zqmail-spawn out of memory. (#4.3.0)\n");
  return put_result(n, res.data(), res.len());
}

bool spawnd_child_fds(int fdmess, int fdout) {
  qm_sig_default(SIGPIPE);
  qm_sig_default(SIGCHLD);
  if (!fd_move(0, fdmess)) return false;
  if (!fd_move(1, fdout)) return false;
  if (!fd_copy(2, 1)) return false;
  fd_nocoe(0);
  fd_nocoe(1);
  fd_nocoe(2);
  return true;
}

int spawnd_main(const Spawner* sp, int argc, char** argv) {
  qm_sig_ignore(SIGPIPE);
  if (!qm_chdir_home()) return 111;
  if (sp->init && !sp->init(argc, argv)) return 111;
  if (chdir("queue/mess") == -1) return 111;

  Slot slots[kQmSpawn];
  for (int i = 0; i < kQmSpawn; ++i) {
    slots[i].used = false;
    slots[i].fd = -1;
    slots[i].pid = -1;
    slots[i].full = false;
  }
  Command cmd;
  cmd.stage = 0;
  cmd.slot = 0;
  cmd.nomem = false;

  char limit = (char) (kQmSpawn > 255 ? 255 : kQmSpawn);
  if (!write_all(1, &limit, 1)) return 111;

  bool reading = true;
  PollFd pf[kQmSpawn + 1];
  unsigned int map[kQmSpawn + 1];
  char buf[4096];
  for (;;) {
    unsigned int np = 0;
    if (reading) {
      pf[np].fd = 0;
      pf[np].events = kPollIn;
      map[np++] = kQmSpawn;
    }
    for (unsigned int i = 0; i < (unsigned int) kQmSpawn; ++i)
      if (slots[i].used) {
        pf[np].fd = slots[i].fd;
        pf[np].events = kPollIn;
        map[np++] = i;
      }
    if (!np) return 0;
    if (io_pause(pf, np, -1) <= 0) continue;
    for (unsigned int k = 0; k < np; ++k) {
      if (!pf[k].revents) continue;
      if (map[k] == (unsigned int) kQmSpawn) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r == -1 && (errno == EINTR || errno == EAGAIN)) continue;
        if (r <= 0) {
          reading = false;
          continue;
        }
        if (!take_input(sp, slots, cmd, buf, (size_t) r)) return 111;
        continue;
      }
      Slot& s = slots[map[k]];
      ssize_t r = read(s.fd, buf, sizeof buf);
      if (r == -1 && (errno == EINTR || errno == EAGAIN)) continue;
      if (r > 0) {
        collect(sp, s, buf, (size_t) r);
        continue;
      }
      if (!finish(sp, s, map[k])) return 111;
    }
  }
}
