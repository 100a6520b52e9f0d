// qmail-send: schedule and track every delivery of the queue.
//
// Started by qmail-start as qmails (gid qmail) with seven descriptors:
// 0 log output, 1/2 commands to and results from qmail-lspawn, 3/4 the
// same for qmail-rspawn, 5/6 commands to and answers from qmail-clean.
// It preprocesses queue/todo into info/local/remote (fsyncing files and
// directories before asking qmail-clean to drop todo), starts one
// delivery per recipient record through the spawn daemons, marks records
// done, retries deferrals on qmail's schedule, collects permanent
// failures in bounce/ and queues the bounce through qmail-queue.  It
// trusts the queue files (written by qmail-queue and itself) and the
// spawn daemons' slot numbers only after range checks.  Log lines go to
// fd 0 (qmail-core §6.6).  Signals: ALRM retry now, HUP reread locals and
// virtualdomains, TERM finish running deliveries and exit 0.  Exit 111
// when it cannot start ("alert: cannot start: ...") or loses a daemon.
#include "config.h"
#include "src/qmail/qmail-send.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/lock.h"
#include "compat/sig.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/poll.h"
#include "src/lib/str.h"
#include "src/lib/trigger.h"
#include "src/mail/ctl.h"

Send* g_send = 0;

static volatile int g_sig_term = 0;
static volatile int g_sig_hup = 0;
static volatile int g_sig_alrm = 0;
static int g_selfpipe[2] = {-1, -1};

// The handlers wake the main loop through a pipe, so a signal arriving
// just before select is never missed.
static void wake() {
  char c = 0;
  if (write(g_selfpipe[1], &c, 1) == -1) {}
}
extern "C" void on_term(int) { g_sig_term = 1; wake(); }
extern "C" void on_hup(int) { g_sig_hup = 1; wake(); }
extern "C" void on_alrm(int) { g_sig_alrm = 1; wake(); }

DueHeap::~DueHeap() { free(a_); }

bool DueHeap::push(unsigned long when, unsigned long id) {
  if (n_ == cap_) {
    size_t nc = cap_ ? cap_ * 2 : 64;
    if (nc > ((size_t) -1) / sizeof(Due)) return false;
    Due* p = (Due*) realloc(a_, nc * sizeof(Due));
    if (!p) return false;
    a_ = p;
    cap_ = nc;
  }
  size_t i = n_++;
  while (i && a_[(i - 1) / 2].when > when) {
    a_[i] = a_[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  a_[i].when = when;
  a_[i].id = id;
  return true;
}

void DueHeap::pop() {
  if (!n_) return;
  Due last = a_[--n_];
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n_) break;
    if (c + 1 < n_ && a_[c + 1].when < a_[c].when) ++c;
    if (a_[c].when >= last.when) break;
    a_[i] = a_[c];
    i = c;
  }
  if (n_) a_[i] = last;
}

void DueHeap::all_due() {
  for (size_t i = 0; i < n_; ++i) a_[i].when = 0;
}

static void log_write(const char* s, size_t n) {
  while (n) {
    ssize_t w = write(0, s, n);
    if (w == -1) {
      if (errno == EINTR) continue;
      return;
    }
    s += w;
    n -= (size_t) w;
  }
}

void log_line(const char* a, const char* b, const char* c, const char* d,
              const char* e, const char* f) {
  char buf[1024];
  size_t n = 0;
  const char* parts[6] = {a, b, c, d, e, f};
  for (int i = 0; i < 6; ++i) {
    if (!parts[i]) continue;
    for (const char* p = parts[i]; *p && n < sizeof buf - 1; ++p) buf[n++] = *p;
  }
  buf[n++] = '\n';
  log_write(buf, n);
}

void log_bytes(Bytes& line) {
  if (!line.append_byte('\n')) line.data()[line.len() - 1] = '\n';
  log_write(line.data(), line.len());
  line.clear();
}

const char* chan_name(int chan) { return chan == kChanLocal ? "local" : "remote"; }

void log_status() {
  Send* s = g_send;
  char buf[200];
  size_t n = 0;
  const char* t = "status: local ";
  while (*t) buf[n++] = *t++;
  n += fmt_ulong(buf + n, s->ch[0].used);
  buf[n++] = '/';
  n += fmt_ulong(buf + n, s->ch[0].conc);
  t = " remote ";
  while (*t) buf[n++] = *t++;
  n += fmt_ulong(buf + n, s->ch[1].used);
  buf[n++] = '/';
  n += fmt_ulong(buf + n, s->ch[1].conc);
  if (s->exiting) {
    t = " exitasap";
    while (*t) buf[n++] = *t++;
  }
  buf[n++] = '\n';
  log_write(buf, n);
}

void nomem_sleep() {
  log_line("alert: out of memory, sleeping...");
  sleep(10);
}

void qname(char* out, const char* dir, unsigned long id, bool split) {
  size_t n = 0;
  while (*dir) out[n++] = *dir++;
  out[n++] = '/';
  if (split) {
    n += fmt_ulong(out + n, id % kQmSplit);
    out[n++] = '/';
  }
  n += fmt_ulong(out + n, id);
  out[n] = 0;
}

void clean_fail() {
  log_line("alert: oh no! lost qmail-clean connection! dying...");
  _exit(111);
}

// Ask qmail-clean to remove "foop/<id>" or "todo/<id>"; true on '+'.
bool clean_cmd(const char* cmd, unsigned long id) {
  char buf[kNameMax];
  qname(buf, cmd, id, false);
  if (!write_all(5, buf, str_len(buf) + 1)) clean_fail();
  char c;
  for (;;) {
    ssize_t r = read(6, &c, 1);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) clean_fail();
    break;
  }
  if (c == '+') return true;
  log_line("warning: qmail-clean unable to clean up ", buf);
  return false;
}

static void die_control() {
  log_line("alert: cannot start: unable to read controls");
  _exit(111);
}

static bool read_list_map(DomainMap& map, const char* file, bool kv,
                          bool me_default) {
  Bytes list;
  int r = control_read_list(list, file);
  if (r == -1) return false;
  if (r == 0 && me_default) {
    Bytes me;
    r = control_read_line(me, "control/me");
    if (r != 1) return false;
    if (!list.append(me) || !list.append_byte(0)) return false;
  }
  return map.init(list, kv);
}

static void read_controls(Send* s) {
  unsigned long u = 604800;
  if (control_read_ulong("control/queuelifetime", &u) == -1) die_control();
  s->lifetime = u;
  for (int c = 0; c < 2; ++c) {
    u = c == kChanLocal ? 10 : 20;
    if (control_read_ulong(c == kChanLocal ? "control/concurrencylocal"
                                           : "control/concurrencyremote",
                           &u) == -1)
      die_control();
    s->ch[c].conc = u;
  }
  if (ctl_line_me(s->envnoathost, "control/envnoathost", "envnoathost") != 1)
    die_control();
  int r = control_read_line(s->bouncefrom, "control/bouncefrom");
  if (r == -1 || (r == 0 && !s->bouncefrom.copy("MAILER-DAEMON")))
    die_control();
  if (ctl_line_me(s->bouncehost, "control/bouncehost", "bouncehost") != 1)
    die_control();
  if (ctl_line_me(s->dbhost, "control/doublebouncehost",
                  "doublebouncehost") != 1)
    die_control();
  r = control_read_line(s->dbto, "control/doublebounceto");
  if (r == -1 || (r == 0 && !s->dbto.copy("postmaster"))) die_control();
  s->maps = 0;
  if (!read_list_map(s->locals_[0], "control/locals", false, true))
    die_control();
  if (!read_list_map(s->percenthack, "control/percenthack", false, false))
    die_control();
  if (!read_list_map(s->vdoms_[0], "control/virtualdomains", true, false))
    die_control();
}

static void reread_controls(Send* s) {
  if (!qm_chdir_home()) {
    log_line("alert: unable to reread controls: unable to switch to home directory");
    return;
  }
  int spare = 1 - s->maps;
  if (!read_list_map(s->locals_[spare], "control/locals", false, true))
    log_line("alert: unable to reread control/locals");
  else if (!read_list_map(s->vdoms_[spare], "control/virtualdomains", true,
                          false))
    log_line("alert: unable to reread control/virtualdomains");
  else
    s->maps = spare;
  while (chdir("queue") == -1) {
    log_line("alert: unable to switch back to queue directory; HELP! sleeping...");
    sleep(10);
    if (!qm_chdir_home()) continue;
  }
}

static void die_start(const char* why) {
  log_line("alert: cannot start: ", why);
  _exit(111);
}

static void startup(Send* s) {
  if (!qm_chdir_home()) die_start("unable to switch to home directory");
  read_controls(s);
  if (chdir("queue") == -1) die_start("unable to switch to queue directory");
  int fd = open_write("lock/sendmutex");
  if (fd == -1) die_start("unable to open mutex");
  if (!qm_lock_exnb(fd)) die_start("qmail-send is already running");
  // Each spawn daemon announces its concurrency limit in one byte.
  for (int c = 0; c < 2; ++c) {
    unsigned char b;
    ssize_t r;
    do r = read(c == kChanLocal ? 2 : 4, &b, 1); while (r == -1 && errno == EINTR);
    if (r != 1) die_start("hath the daemon spawn no fire?");
    if (s->ch[c].conc > b) s->ch[c].conc = b;
    s->ch[c].cmdfd = c == kChanLocal ? 1 : 3;
    s->ch[c].resfd = c == kChanLocal ? 2 : 4;
  }
  // In a sandbox every qmail id is ours; tell qmail-queue that bounces
  // come from qmail-send (see qmail-queue.cc).
  if (qm_sandbox()) env_set("QM_SANDBOX_CALLER", "qmails");
}

static void init_state(Send* s) {
  for (int c = 0; c < 2; ++c) {
    Channel& ch = s->ch[c];
    ch.used = 0;
    ch.pass = -1;
    ch.pos = 0;
    ch.res_slot_known = false;
    ch.res_slot = 0;
    for (int i = 0; i < kQmSpawn; ++i) ch.del[i].used = false;
  }
  s->njobs = 0;
  s->delnum = 0;
  s->todo = 0;
  s->ntodo = s->todocap = s->todopos = 0;
  s->todo_scan = true;
  s->next_todo_scan = 0;
  s->next_mess_scan = now_sec() + 76431;
  s->exiting = false;
}

static void alloc_jobs(Send* s) {
  s->njobs = (unsigned int) (s->ch[0].conc + s->ch[1].conc + 2);
  for (unsigned int i = 0; i < s->njobs; ++i) s->jobs[i].used = false;
}

static void handle_signals(Send* s) {
  if (g_sig_term) {
    g_sig_term = 0;
    if (!s->exiting) {
      s->exiting = true;
      log_status();
    }
  }
  if (g_sig_hup) {
    g_sig_hup = 0;
    reread_controls(s);
  }
  if (g_sig_alrm) {
    g_sig_alrm = 0;
    s->ch[0].due.all_due();
    s->ch[1].due.all_due();
    s->next_todo_scan = 0;
  }
}

// Seconds until something becomes due (capped), given the current time.
static long wait_ms(Send* s, unsigned long now) {
  if (s->exiting) return 10000;
  if (s->todopos < s->ntodo) return 0;
  unsigned long next = s->next_todo_scan;
  for (int c = 0; c < 2; ++c) {
    Channel& ch = s->ch[c];
    if (ch.used >= ch.conc) continue;
    if (ch.pass != -1) return 0;
    if (!ch.due.empty() && ch.due.top().when < next) next = ch.due.top().when;
  }
  if (next <= now) return 0;
  unsigned long d = next - now;
  if (d > 3600) d = 3600;
  return (long) d * 1000;
}

static void main_loop(Send* s, Trigger& trig) {
  char buf[64];
  for (;;) {
    handle_signals(s);
    if (s->exiting && !s->ch[0].used && !s->ch[1].used) {
      log_line("status: exiting");
      _exit(0);
    }
    unsigned long now = now_sec();
    if (!s->exiting) {
      if (now >= s->next_todo_scan) {
        s->todo_scan = true;
        s->next_todo_scan = now + 1500;
      }
      todo_step();
      dispatch(kChanLocal);
      dispatch(kChanRemote);
      if (now >= s->next_mess_scan) {
        s->next_mess_scan = now + 76431;
        mess_scan();
      }
    }
    PollFd pf[5];
    pf[0].fd = 2;
    pf[1].fd = 4;
    pf[2].fd = g_selfpipe[0];
    pf[3].fd = s->exiting ? -1 : trig.fd();
    for (int i = 0; i < 4; ++i) pf[i].events = kPollIn;
    int r = io_pause(pf, 4, wait_ms(s, now_sec()));
    if (r <= 0) continue;
    if (pf[2].revents) {
      ssize_t n = read(g_selfpipe[0], buf, sizeof buf);
      (void) n;
    }
    if (pf[3].revents) {
      trig.drain();
      s->todo_scan = true;
    }
    if (pf[0].revents) read_results(kChanLocal);
    if (pf[1].revents) read_results(kChanRemote);
  }
}

int main() {
  umask(077);
  qm_sig_ignore(SIGPIPE);
  Send send;
  g_send = &send;
  init_state(&send);
  startup(&send);
  alloc_jobs(&send);
  if (pipe(g_selfpipe) == -1) die_start("unable to create pipe");
  fd_coe(g_selfpipe[0]);
  fd_coe(g_selfpipe[1]);
  fd_ndelay_on(g_selfpipe[0]);
  fd_ndelay_on(g_selfpipe[1]);
  for (int i = 1; i <= 6; ++i) fd_coe(i);
  fd_coe(0);
  qm_sig_catch(SIGTERM, on_term);
  qm_sig_catch(SIGHUP, on_hup);
  qm_sig_catch(SIGALRM, on_alrm);
  Trigger trig;
  if (!trig.open("lock/trigger", false)) die_start("unable to open trigger");
  log_status();
  startup_scan();
  main_loop(&send, trig);
  return 0;
}
