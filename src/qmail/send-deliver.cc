// send-deliver.cc: qmail-send's jobs and deliveries (qmail-core §6.3-6.8):
// open a due channel file, start one delivery per T record, take the
// spawn daemons' results, mark records done, collect bounce paragraphs,
// reschedule deferrals, and finish a message (bounce, end msg, cleanup).
#include "config.h"
#include "src/qmail/qmail-send.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/mtime.h"
#include "compat/sync.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/qqclient.h"
#include "src/mail/quote.h"

enum { kReportMax = 10000, kRetryLater = 120 };

static const char kTooLong[] =
    "I'm not going to try again; this message has been in the queue too long.\n";

void schedule(int chan, unsigned long id, unsigned long when) {
  while (!g_send->ch[chan].due.push(when, id)) nomem_sleep();
}

static bool exists(const char* fn) {
  struct stat st;
  return stat(fn, &st) == 0 || errno != ENOENT;
}

// The sender from info/<split>/<id> and its birth time (mtime).
static int read_info(unsigned long id, Bytes& sender, unsigned long* birth) {
  char fn[kNameMax];
  qname(fn, "info", id, true);
  struct stat st;
  if (stat(fn, &st) == -1) {
    if (errno == ENOENT) return 0;
    log_line("warning: unable to stat ", fn, "; will try again later");
    return -1;
  }
  *birth = (unsigned long) st.st_mtime;
  Bytes b;
  int r = file_read_all(b, fn);
  if (r != 1) {
    if (r == 0) return 0;
    log_line("warning: trouble reading ", fn, "; will try again later");
    return -1;
  }
  if (!b.len() || b.data()[0] != 'F') {
    log_line("warning: unknown record type in ", fn);
    return -1;
  }
  size_t k = byte_chr(b.data() + 1, b.len() - 1, 0);
  if (!sender.copy(b.data() + 1, k)) {
    nomem_sleep();
    return -1;
  }
  return 1;
}

static void maybe_done(unsigned long id) {
  char lf[kNameMax], rf[kNameMax];
  qname(lf, "local", id, true);
  qname(rf, "remote", id, true);
  if (exists(lf) || exists(rf)) return;
  for (unsigned int j = 0; j < g_send->njobs; ++j)
    if (g_send->jobs[j].used && g_send->jobs[j].id == id) return;
  message_done(id);
}

// Make the due head of a channel its pass.  False if nothing was opened.
static bool open_job(int chan, unsigned long id, unsigned long now) {
  Send* s = g_send;
  Channel& ch = s->ch[chan];
  unsigned int j = 0;
  while (j < s->njobs && s->jobs[j].used) ++j;
  if (j == s->njobs) {
    // Cannot happen (see Send::jobs); try again on the next round.
    schedule(chan, id, now);
    return false;
  }
  char fn[kNameMax];
  qname(fn, chan_name(chan), id, true);
  int r = file_read_all(ch.file, fn);
  if (r == 0) {
    maybe_done(id);
    return false;
  }
  Job& job = s->jobs[j];
  unsigned long birth = 0;
  if (r == -1) {
    log_line("warning: trouble opening ", fn, "; will try again later");
    schedule(chan, id, now + kRetryLater);
    return false;
  }
  r = read_info(id, job.sender, &birth);
  if (r != 1) {
    schedule(chan, id, now + kRetryLater);
    return false;
  }
  job.used = true;
  job.id = id;
  job.chan = chan;
  job.pending = 0;
  job.passing = true;
  job.retry = send_nextretry(birth, now, chan);
  job.dying = now > birth + s->lifetime;
  ch.pass = (int) j;
  ch.pos = 0;
  return true;
}

static void lost_spawn() {
  log_line("alert: oh no! lost spawn connection! dying...");
  _exit(111);
}

static void start_delivery(int chan, unsigned int slot, size_t pos,
                           const char* recip, size_t rn) {
  Send* s = g_send;
  Channel& ch = s->ch[chan];
  Job& job = s->jobs[ch.pass];
  Delivery& d = ch.del[slot];
  Bytes cmd;
  char num[kFmtUlong];
  bool ok = cmd.append_byte((char) slot) &&
            cmd.append(num, fmt_ulong(num, job.id % kQmSplit)) &&
            cmd.append_byte('/') && cmd.append(num, fmt_ulong(num, job.id)) &&
            cmd.append_byte(0);
  Bytes sender;
  ok = ok && send_verp(sender, job.sender.c_str(), job.sender.len(), recip, rn);
  ok = ok && cmd.append(sender) && cmd.append_byte(0) &&
       cmd.append(recip, rn) && cmd.append_byte(0) && d.recip.copy(recip, rn);
  if (!ok) {
    nomem_sleep();
    return;
  }
  if (!write_all(ch.cmdfd, cmd.data(), cmd.len())) lost_spawn();
  d.used = true;
  d.job = ch.pass;
  d.pos = pos;
  d.num = ++s->delnum;
  ++ch.used;
  ++job.pending;
  ch.pos = pos + 1 + rn + 1;
  Bytes line;
  line.append("starting delivery ");
  line.append(num, fmt_ulong(num, d.num));
  line.append(": msg ");
  line.append(num, fmt_ulong(num, job.id));
  line.append(" to ");
  line.append(chan_name(chan));
  line.append_byte(' ');
  send_logsafe(line, recip, rn);
  log_bytes(line);
  log_status();
}

static void job_done(unsigned int j);

void dispatch(int chan) {
  Send* s = g_send;
  Channel& ch = s->ch[chan];
  unsigned long now = now_sec();
  while (ch.used < ch.conc) {
    if (ch.pass == -1) {
      if (ch.due.empty() || ch.due.top().when > now) return;
      unsigned long id = ch.due.top().id;
      ch.due.pop();
      if (!open_job(chan, id, now) && ch.due.size() && ch.due.top().id == id)
        return;
      continue;
    }
    // The next record still to do.
    const char* p = ch.file.c_str();
    size_t n = ch.file.len();
    size_t pos = ch.pos;
    while (pos < n) {
      size_t k = byte_chr(p + pos, n - pos, 0);
      if (k == n - pos) {
        pos = n;
        break;
      }
      if (p[pos] == 'T') break;
      pos += k + 1;
    }
    if (pos >= n) {
      unsigned int j = (unsigned int) ch.pass;
      s->jobs[j].passing = false;
      ch.pass = -1;
      if (!s->jobs[j].pending) job_done(j);
      continue;
    }
    unsigned int slot = 0;
    while (slot < ch.conc && ch.del[slot].used) ++slot;
    start_delivery(chan, slot, pos, p + pos + 1, byte_chr(p + pos, n - pos, 0) - 1);
  }
}

static void mark_done(int chan, unsigned long id, size_t pos) {
  char fn[kNameMax];
  qname(fn, chan_name(chan), id, true);
  int fd = open_write(fn);
  bool ok = fd != -1 && lseek(fd, (off_t) pos, SEEK_SET) == (off_t) pos &&
            write_all(fd, "D", 1);
  if (fd != -1 && close(fd) == -1) ok = false;
  if (!ok) log_line("warning: trouble marking ", fn, "; message will be delivered twice!");
}

// Append a failure paragraph to bounce/<id>; durable before the record
// is marked done, so no failure is forgotten.
static void add_bounce(int chan, unsigned long id, const Bytes& recip,
                       const char* report, size_t n) {
  size_t skip = chan == kChanLocal
                    ? send_vdom_prefix(recip.c_str(), recip.len(), send_vdoms())
                    : 0;
  Bytes para;
  while (!send_bounce_para(para, recip.c_str() + skip, recip.len() - skip,
                           report, n)) {
    para.clear();
    nomem_sleep();
  }
  char fn[kNameMax];
  qname(fn, "bounce", id, false);
  for (;;) {
    int fd = open_append(fn);
    bool ok = fd != -1 && write_all(fd, para.data(), para.len()) && qm_fsync(fd);
    if (fd != -1 && close(fd) == -1) ok = false;
    if (ok) return;
    log_line("alert: unable to append to bounce message; HELP! sleeping...");
    sleep(10);
  }
}

static void handle_result(int chan, unsigned int slot, const Bytes& res) {
  Send* s = g_send;
  Channel& ch = s->ch[chan];
  if (slot >= ch.conc || !ch.del[slot].used) {
    log_line("warning: internal error: delivery report out of range");
    return;
  }
  Delivery& d = ch.del[slot];
  unsigned int j = (unsigned int) d.job;
  Job& job = s->jobs[j];
  Bytes line;
  char num[kFmtUlong];
  line.append("delivery ");
  line.append(num, fmt_ulong(num, d.num));
  line.append(": ");
  char letter = res.len() ? res.data()[0] : 0;
  const char* text = res.len() ? res.data() + 1 : "";
  size_t tn = res.len() ? res.len() - 1 : 0;
  Bytes dying;
  if (letter == 'Z' && job.dying) {
    if (dying.append(text, tn) && dying.append(kTooLong)) {
      letter = 'D';
      text = dying.data();
      tn = dying.len();
    }
  }
  switch (letter) {
    case 'K':
      line.append("success: ");
      send_logsafe(line, text, tn);
      log_bytes(line);
      mark_done(chan, job.id, d.pos);
      break;
    case 'Z':
      line.append("deferral: ");
      send_logsafe(line, text, tn);
      log_bytes(line);
      break;
    case 'D':
      line.append("failure: ");
      send_logsafe(line, text, tn);
      log_bytes(line);
      add_bounce(chan, job.id, d.recip, text, tn);
      mark_done(chan, job.id, d.pos);
      break;
    default:
      line.append("report mangled, will defer");
      log_bytes(line);
  }
  d.used = false;
  --ch.used;
  --job.pending;
  log_status();
  if (!job.passing && !job.pending) job_done(j);
}

void read_results(int chan) {
  Channel& ch = g_send->ch[chan];
  char buf[4096];
  ssize_t r = read(ch.resfd, buf, sizeof buf);
  if (r == -1 && (errno == EINTR || errno == EAGAIN)) return;
  if (r <= 0) lost_spawn();
  for (ssize_t i = 0; i < r; ++i) {
    if (!ch.res_slot_known) {
      ch.res_slot = (unsigned char) buf[i];
      ch.res_slot_known = true;
      ch.res.clear();
      continue;
    }
    if (buf[i]) {
      if (ch.res.len() < kReportMax) ch.res.append_byte(buf[i]);
      continue;
    }
    ch.res_slot_known = false;
    handle_result(chan, ch.res_slot, ch.res);
  }
}

// A job has nothing running and nothing left to start: reschedule what
// was deferred, or drop the finished channel file.
static void job_done(unsigned int j) {
  Send* s = g_send;
  Job& job = s->jobs[j];
  char fn[kNameMax];
  qname(fn, chan_name(job.chan), job.id, true);
  unsigned long id = job.id;
  int chan = job.chan;
  unsigned long retry = job.retry;
  job.used = false;
  Bytes f;
  int r = file_read_all(f, fn);
  if (r == -1) {
    log_line("warning: trouble reading ", fn, "; will try again later");
    schedule(chan, id, now_sec() + kRetryLater);
    return;
  }
  bool left = false;
  for (size_t i = 0; r == 1 && i < f.len();) {
    if (f.data()[i] == 'T') left = true;
    i += byte_chr(f.data() + i, f.len() - i, 0) + 1;
  }
  if (left) {
    if (!qm_set_mtime(fn, retry))
      log_line("warning: unable to utime ", fn, "; message will be retried too soon");
    schedule(chan, id, retry);
    return;
  }
  if (r == 1 && unlink(fn) == -1 && errno != ENOENT) {
    log_line("warning: unable to unlink ", fn, "; will try again later");
    schedule(chan, id, now_sec() + kRetryLater);
    return;
  }
  maybe_done(id);
}

static bool copy_file(QueueClient& qq, const char* fn) {
  int fd = open_read(fn);
  if (fd == -1) return false;
  char buf[8192];
  for (;;) {
    ssize_t r = read(fd, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) {
      close(fd);
      return false;
    }
    if (r == 0) break;
    qq.put(buf, (size_t) r);
  }
  close(fd);
  return true;
}

// Queue the bounce for message id.  True when bounce/<id> may go.
static bool inject_bounce(unsigned long id, const char* bfn) {
  Send* s = g_send;
  Bytes sender;
  unsigned long birth;
  if (read_info(id, sender, &birth) != 1) return false;
  if (sender.equals("#@[]") || (sender.empty() && s->dbto.starts_with("@"))) {
    log_line("triple bounce: discarding ", bfn);
    return true;
  }
  Bytes recip, bsender;
  bool ok;
  if (sender.len()) {
    ok = recip.copy(sender.data(), send_verp_trim(sender.data(), sender.len()));
  } else {
    ok = recip.copy(s->dbto) && recip.append_byte('@') &&
         recip.append(s->dbhost) && bsender.copy("#@[]");
  }
  Bytes head;
  Bytes from;
  char date[kFmtDate];
  DateTime dt;
  date_from_unix(&dt, now_sec());
  ok = ok && from.copy(s->bouncefrom) && from.append_byte('@') &&
       from.append(s->bouncehost);
  ok = ok && head.append("Date: ") && head.append(date, fmt_date822(date, &dt)) &&
       head.append("\nFrom: ") && quote_addr(head, from.data(), from.len()) &&
       head.append("\nTo: ") && quote_addr(head, recip.data(), recip.len()) &&
       head.append("\nSubject: failure notice\n\nHi. This is the qmail-send program at ") &&
       head.append(s->bouncehost);
  ok = ok && head.append(sender.len()
      ? ".\nI'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
      : ".\nI tried to deliver a bounce message to this address, but the bounce bounced!\n\n");
  Bytes mid;
  ok = ok && mid.append(sender.len()
      ? "--- Below this line is a copy of the message.\n\n"
      : "--- Below this line is the original bounce.\n\n") &&
       mid.append("Return-Path: <") &&
       quote_addr(mid, sender.data(), sender.len()) && mid.append(">\n");
  if (!ok) {
    nomem_sleep();
    return false;
  }
  QueueClient qq;
  if (!qq.open()) {
    log_line("warning: unable to start qmail-queue, will try later");
    return false;
  }
  char mfn[kNameMax];
  qname(mfn, "mess", id, true);
  qq.put(head.data(), head.len());
  if (!copy_file(qq, bfn)) qq.fail();
  qq.put(mid.data(), mid.len());
  if (!copy_file(qq, mfn)) qq.fail();
  qq.from(bsender.c_str(), bsender.len());
  qq.to(recip.c_str(), recip.len());
  int qp = qq.pid();
  if (qq.close()) {
    log_line("warning: trouble injecting bounce message, will try later");
    return false;
  }
  char num[kFmtUlong + 1], qpn[kFmtUlong + 1];
  num[fmt_ulong(num, id)] = 0;
  qpn[fmt_ulong(qpn, (unsigned long) qp)] = 0;
  log_line("bounce msg ", num, " qp ", qpn);
  return true;
}

void message_done(unsigned long id) {
  char bfn[kNameMax], ifn[kNameMax];
  qname(bfn, "bounce", id, false);
  qname(ifn, "info", id, true);
  unsigned long now = now_sec();
  if (exists(bfn)) {
    // Retried through the local queue: opening the (missing) local file
    // brings us back here.
    if (!inject_bounce(id, bfn)) {
      schedule(kChanLocal, id, now + kRetryLater);
      return;
    }
    if (unlink(bfn) == -1 && errno != ENOENT) {
      log_line("warning: unable to unlink ", bfn, "; will try again later");
      schedule(kChanLocal, id, now + kRetryLater);
      return;
    }
  }
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, id)] = 0;
  log_line("end msg ", num);
  if (unlink(ifn) == -1 && errno != ENOENT) {
    log_line("warning: unable to unlink ", ifn, "; will try again later");
    schedule(kChanLocal, id, now + kRetryLater);
    return;
  }
  clean_cmd("foop", id);
}

void startup_scan() {
  for (int sp = 0; sp < kQmSplit; ++sp) {
    char dir[kNameMax];
    size_t n = 0;
    const char* t = "info/";
    while (*t) dir[n++] = *t++;
    n += fmt_ulong(dir + n, (unsigned long) sp);
    dir[n] = 0;
    DIR* d;
    while ((d = opendir(dir)) == 0) {
      log_line("alert: unable to opendir ", dir, ", sleeping...");
      sleep(10);
    }
    struct dirent* e;
    while ((e = readdir(d)) != 0) {
      unsigned long id;
      if (!scan_ulong_all(e->d_name, str_len(e->d_name), &id)) continue;
      char fn[kNameMax];
      qname(fn, "todo", id, false);
      // Still in todo: preprocessing will start it over.
      if (exists(fn)) continue;
      bool any = false;
      for (int c = 0; c < 2; ++c) {
        qname(fn, chan_name(c), id, true);
        struct stat st;
        if (stat(fn, &st) == -1) {
          if (errno == ENOENT) continue;
          log_line("warning: unable to stat ", fn, "; will try again later");
          schedule(c, id, now_sec() + kRetryLater);
          any = true;
          continue;
        }
        schedule(c, id, (unsigned long) st.st_mtime);
        any = true;
      }
      if (!any) schedule(kChanLocal, id, 0);
    }
    closedir(d);
  }
}

// Debris of qmail-queue runs killed before their commit point: a mess
// file without info or todo, unused for 36 hours.
void mess_scan() {
  unsigned long now = now_sec();
  for (int sp = 0; sp < kQmSplit; ++sp) {
    char dir[kNameMax];
    size_t n = 0;
    const char* t = "mess/";
    while (*t) dir[n++] = *t++;
    n += fmt_ulong(dir + n, (unsigned long) sp);
    dir[n] = 0;
    DIR* d = opendir(dir);
    if (!d) continue;
    struct dirent* e;
    while ((e = readdir(d)) != 0) {
      unsigned long id;
      if (!scan_ulong_all(e->d_name, str_len(e->d_name), &id)) continue;
      char fn[kNameMax];
      qname(fn, "mess", id, true);
      struct stat st;
      if (stat(fn, &st) == -1) continue;
      if (now <= (unsigned long) st.st_atime + 129600) continue;
      qname(fn, "info", id, true);
      if (exists(fn)) continue;
      qname(fn, "todo", id, false);
      if (exists(fn)) continue;
      clean_cmd("foop", id);
    }
    closedir(d);
  }
}
