// send-todo.cc: qmail-send's preprocessing of queue/todo (qmail-core §3.3
// step 5-6): rewrite each recipient into local/ or remote/, make every new
// file and directory entry durable, then let qmail-clean drop todo.
#include "config.h"
#include "src/qmail/qmail-send.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sync.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"

enum { kTodoBatch = 8 };

static bool todo_add(Send* s, unsigned long id) {
  if (s->ntodo == s->todocap) {
    size_t nc = s->todocap ? s->todocap * 2 : 256;
    if (nc > ((size_t) -1) / sizeof(unsigned long)) return false;
    unsigned long* p =
        (unsigned long*) realloc(s->todo, nc * sizeof(unsigned long));
    if (!p) return false;
    s->todo = p;
    s->todocap = nc;
  }
  s->todo[s->ntodo++] = id;
  return true;
}

void todo_scan_dir() {
  Send* s = g_send;
  s->ntodo = s->todopos = 0;
  DIR* d = opendir("todo");
  if (!d) {
    log_line("alert: unable to opendir todo, sleeping...");
    sleep(10);
    s->todo_scan = true;
    return;
  }
  struct dirent* e;
  while ((e = readdir(d)) != 0) {
    unsigned long id;
    if (!scan_ulong_all(e->d_name, str_len(e->d_name), &id)) continue;
    if (!todo_add(s, id)) {
      s->todo_scan = true;
      break;
    }
  }
  closedir(d);
}

// Create and write a new queue file; returns its descriptor, still open
// for sync_close, or -1 after logging.
static int write_new(const char* fn, const Bytes& data) {
  int fd = open_excl(fn, 0600);
  if (fd == -1) {
    log_line("warning: unable to create ", fn);
    return -1;
  }
  if (!write_all(fd, data.data(), data.len())) {
    log_line("warning: trouble writing to ", fn);
    close(fd);
    return -1;
  }
  return fd;
}

// fsync and close a file from write_new (fd -1: nothing to do).  The
// files of one message are all written before the first of these, so
// that one journal commit can carry them all.  False after logging.
static bool sync_close(int fd, const char* fn) {
  if (fd == -1) return true;
  if (!qm_fsync(fd)) {
    log_line("warning: trouble fsyncing ", fn);
    close(fd);
    return false;
  }
  if (close(fd) == -1) {
    log_line("warning: trouble writing to ", fn);
    return false;
  }
  return true;
}

static bool unlink_stale(const char* fn) {
  if (unlink(fn) == 0 || errno == ENOENT) return true;
  log_line("warning: unable to unlink ", fn, "; will try again later");
  return false;
}

static bool sync_dir(const char* fn) {
  // fn is "dir/<split>/<id>": its directory is everything before the
  // last slash.
  char dir[kNameMax];
  size_t n = byte_rchr(fn, str_len(fn), '/');
  for (size_t i = 0; i < n; ++i) dir[i] = fn[i];
  dir[n] = 0;
  if (qm_fsync_dir(dir)) return true;
  log_line("warning: trouble fsyncing ", dir);
  return false;
}

static void log_info(unsigned long id, const char* sender, size_t sn,
                     unsigned long size, const char* qp, const char* uid) {
  Bytes line;
  char num[kFmtUlong];
  line.append("info msg ");
  line.append(num, fmt_ulong(num, id));
  line.append(": bytes ");
  line.append(num, fmt_ulong(num, size));
  line.append(" from <");
  send_logsafe(line, sender, sn);
  line.append("> qp ");
  line.append(qp);
  line.append(" uid ");
  line.append(uid);
  log_bytes(line);
}

// One todo entry between its two steps: the files written (descriptors
// still open, -1 where none) and not yet durable.
struct Pending {
  unsigned long id;
  int fd[3];  // info, local, remote
  char fn[3][kNameMax];
};

// Step one: read todo/<id>, write info, local and remote.  Returns 1
// with pe's files open, 0 when there is nothing to do, -1 when the
// message must be tried again later (nothing left open).
static int preprocess(unsigned long id, Pending& pe) {
  char todofn[kNameMax], messfn[kNameMax];
  char* infofn = pe.fn[0];
  char* localfn = pe.fn[1];
  char* remotefn = pe.fn[2];
  pe.id = id;
  pe.fd[0] = pe.fd[1] = pe.fd[2] = -1;
  qname(todofn, "todo", id, false);
  qname(infofn, "info", id, true);
  qname(localfn, "local", id, true);
  qname(remotefn, "remote", id, true);
  qname(messfn, "mess", id, true);
  Bytes t;
  int r = file_read_all(t, todofn);
  if (r == 0) return 0;
  if (r == -1) {
    log_line("warning: trouble opening ", todofn, "; will try again later");
    return -1;
  }
  struct stat st;
  if (stat(messfn, &st) == -1) {
    log_line("warning: unable to stat ", messfn, "; will try again later");
    return -1;
  }
  // A crash during an earlier pass may have left some of these behind.
  if (!unlink_stale(infofn) || !unlink_stale(localfn) ||
      !unlink_stale(remotefn))
    return -1;

  const char* qp = "";
  const char* uid = "";
  const char* sender = 0;
  size_t sn = 0;
  Bytes out[2];
  Bytes addr;
  SendMaps maps;
  maps.envnoathost = g_send->envnoathost.c_str();
  maps.locals = send_locals();
  maps.percenthack = &g_send->percenthack;
  maps.vdoms = send_vdoms();
  const char* p = t.c_str();
  size_t n = t.len();
  for (size_t i = 0; i < n;) {
    size_t k = byte_chr(p + i, n - i, 0);
    if (k == n - i) break;
    const char* rec = p + i;
    if (rec[0] == 'u') uid = rec + 1;
    else if (rec[0] == 'p') qp = rec + 1;
    else if (rec[0] == 'F' && !sender) {
      sender = rec + 1;
      sn = k - 1;
    } else if (rec[0] == 'T') {
      int c = send_rewrite(addr, rec + 1, k - 1, &maps);
      if (c < 0 || !out[c].append_byte('T') || !out[c].append(addr) ||
          !out[c].append_byte(0)) {
        nomem_sleep();
        return -1;
      }
    } else {
      log_line("warning: unknown record type in ", todofn);
    }
    i += k + 1;
  }
  if (!sender) {
    log_line("warning: unknown record type in ", todofn, "!");
    sender = "";
  }
  Bytes info;
  if (!info.append_byte('F') || !info.append(sender, sn) ||
      !info.append_byte(0)) {
    nomem_sleep();
    return -1;
  }
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, id)] = 0;
  pe.fd[0] = write_new(infofn, info);
  if (pe.fd[0] == -1) return -1;
  log_line("new msg ", num);
  log_info(id, sender, sn, (unsigned long) st.st_size, qp, uid);
  bool ok = true;
  if (!out[0].empty() && (pe.fd[1] = write_new(localfn, out[0])) == -1)
    ok = false;
  if (ok && !out[1].empty() && (pe.fd[2] = write_new(remotefn, out[1])) == -1)
    ok = false;
  if (!ok) {
    for (int i = 0; i < 3; ++i)
      if (pe.fd[i] != -1) close(pe.fd[i]);
    return -1;
  }
  return 1;
}

// Step two: make the files and their directory entries durable, then let
// qmail-clean drop todo and schedule the deliveries.  The entries of a
// batch all reach this step before the first fsync, so that one journal
// commit can carry a whole batch; every file and directory is still
// fsynced on its own.  Returns false when the message must be tried
// again later.
static bool commit(Pending& p) {
  bool ok = true;
  // Every descriptor is closed, whatever fails; the numbers stay behind
  // as the record of which files exist.
  for (int i = 0; i < 3; ++i) ok = sync_close(p.fd[i], p.fn[i]) && ok;
  if (!ok) return false;
  // The new entries must survive a crash before todo disappears.
  for (int i = 0; i < 3; ++i)
    if (p.fd[i] != -1 && !sync_dir(p.fn[i])) return false;
  if (!clean_cmd("todo", p.id)) return false;
  unsigned long now = now_sec();
  if (p.fd[1] != -1) schedule(kChanLocal, p.id, now);
  if (p.fd[2] != -1) schedule(kChanRemote, p.id, now);
  if (p.fd[1] == -1 && p.fd[2] == -1) message_done(p.id);
  return true;
}

void todo_step() {
  Send* s = g_send;
  if (s->todopos >= s->ntodo) {
    if (!s->todo_scan) return;
    s->todo_scan = false;
    todo_scan_dir();
  }
  Pending batch[kTodoBatch];
  int n = 0;
  bool failed = false;
  for (int i = 0; i < kTodoBatch && s->todopos < s->ntodo; ++i) {
    int r = preprocess(s->todo[s->todopos++], batch[n]);
    if (r == 1) ++n;
    if (r == -1) failed = true;
  }
  for (int i = 0; i < n; ++i)
    if (!commit(batch[i])) failed = true;
  // Failures are retried by the next scan (at most 25 minutes away, or
  // sooner with the next trigger); remember to rescan.
  if (failed && s->next_todo_scan > now_sec() + 120)
    s->next_todo_scan = now_sec() + 120;
}
