// deliver: qmail-local's work, deliver one message to one local recipient
// as a .qmail file (or the default delivery) says.  deliver_main is the
// whole of the program qmail-local; qmail-lspawn calls it in its forked
// delivery child (after dropping to the recipient's ids) instead of
// exec'ing bin/qmail-local, which saves a program start per delivery.
//
// Run as the recipient's uid and gid, with cwd the qmail home:
//   qmail-local [ -nN ] user homedir local dash ext domain sender default
// fd 0 is the message (a seekable file, re-read for every instruction);
// fd 1 and fd 2 are the report pipe to qmail-lspawn.  It trusts its
// arguments (qmail-lspawn looked them up) but not their bytes: local,
// domain and sender come from the network and only ever travel as data.
// It writes mbox files, maildirs, runs the user's programs with
// /bin/sh -c, and queues forwards through qmail-queue.
//
// Output: error texts in qmail 1.03's words, each ending "\n"; on success
// "did <files>+<forwards>+<programs>\n" and "qp <pid>\n" after a forward.
// Exit codes: 0 delivered, 100 permanent failure (bounce), 111 temporary
// failure (retry).  -n prints the instructions instead of doing them.
// Spec: qmail-core §10.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"
#include "src/mail/deliver.h"
#include "src/mail/dotqmail.h"
#include "src/mail/dtline.h"
#include "src/mail/maildir.h"
#include "src/mail/mbox.h"
#include "src/mail/requeue.h"

extern const char deliver_what[] = "@(#)qmail-local in-process delivery 1";

enum { kMboxLockWait = 30, kMaildirAlarm = 86400 };

// ---- ways to end -------------------------------------------------------

// Report text goes to fd 2 in one write; it is the delivery report.
static void say(const char* a, const char* b = 0, const char* c = 0,
                const char* d = 0, const char* e = 0) {
  Bytes t;
  const char* parts[5] = {a, b, c, d, e};
  for (int i = 0; i < 5; ++i)
    if (parts[i] && !t.append(parts[i])) break;
  if (t.append_byte('\n')) write_all(2, t.data(), t.len());
}

static void die(int code, const char* a, const char* b = 0,
                const char* c = 0, const char* d = 0, const char* e = 0) {
  say(a, b, c, d, e);
  _exit(code);
}

static void die_usage() {
  die(100, "qmail-local: usage: qmail-local [ -nN ] user homedir local dash "
           "ext domain sender aliasempty");
}
static void die_nomem() { die(111, "Out of memory. (#4.3.0)"); }
static void die_read() { die(111, "Unable to read message. (#4.3.0)"); }
static void die_rewind() { die(111, "Unable to rewind message. (#4.3.0)"); }

// ---- the delivery --------------------------------------------------------

struct Args {
  const char* user;
  const char* home;
  const char* local;
  const char* dash;
  const char* ext;
  const char* host;
  const char* sender;
  const char* aliasempty;
};

struct Delivery {
  Args a;
  bool doit;            // -N (deliver) rather than -n (list)
  Bytes recipient;      // local@host
  Bytes safeext;
  Bytes dtline, rpline, ufline;
  Bytes newsender;
  Bytes qp;             // "qp <pid>\n" after a forward
  Bytes forwards;       // addresses, NUL-terminated
  unsigned long nforwards;
  unsigned long nfiles, nprogs;
  bool forward_only;    // the .qmail file has its x bit
  bool stop99;
};

static void rewind_message() {
  if (lseek(0, 0, SEEK_SET) != 0) die_rewind();
}

extern "C" {
static void on_alarm(int) {
  const char* tmp = maildir_pending_tmp();
  if (tmp) unlink(tmp);
  static const char kMsg[] = "Timeout on maildir delivery. (#4.3.0)\n";
  write_all(2, kMsg, sizeof kMsg - 1);
  _exit(111);
}
}

static void do_maildir(Delivery& d, const char* dir) {
  rewind_message();
  Bytes pre;
  if (!pre.copy(d.rpline) || !pre.append(d.dtline)) die_nomem();
  qm_sig_catch(SIGALRM, on_alarm);
  alarm(kMaildirAlarm);
  int r = maildir_deliver(dir, pre.data(), pre.len(), 0, 0);
  alarm(0);
  if (r == kMaildirOk) return;
  if (r == kMaildirNoDir) die(111, "Unable to chdir to maildir. (#4.2.1)");
  if (r == kMaildirReadMsg) die_read();
  die(111, "Temporary error on maildir delivery. (#4.3.0)");
}

static void do_mbox(Delivery& d, const char* file) {
  rewind_message();
  Bytes pre;
  if (!pre.copy(d.ufline) || !pre.append(d.rpline) || !pre.append(d.dtline))
    die_nomem();
  int r = mbox_deliver(file, pre.data(), pre.len(), 0, kMboxLockWait);
  if (r == kMboxOk) return;
  if (r == kMboxOpen)
    die(111, "Unable to open ", file, ": ", errstr(errno), ". (#4.2.1)");
  if (r == kMboxLocked)
    die(111, "File has been locked for 30 seconds straight. (#4.3.0)");
  if (r == kMboxReadMsg) die_read();
  die(111, "Unable to write ", file, ": ", errstr(errno), ". (#4.3.0)");
}

static bool exit_permanent(int code) {
  switch (code) {
    case 64: case 65: case 70: case 76: case 77: case 78: case 100: case 112:
      return true;
    default:
      return false;
  }
}

static void do_program(Delivery& d, const char* cmd) {
  rewind_message();
  int pid = fork();
  if (pid == -1) die(111, "Unable to fork: ", errstr(errno), ". (#4.3.0)");
  if (pid == 0) {
    qm_sig_default(SIGPIPE);
    qm_sig_default(SIGXFSZ);
    fd_nocoe(0);
    const char* argv[4] = {"/bin/sh", "-c", cmd, 0};
    execve(argv[0], (char* const*) argv, env_array());
    int e = errno;
    say("Unable to run /bin/sh: ", errstr(e), ". (#4.3.0)");
    _exit(err_temporary(e) ? 111 : 100);
  }
  int st;
  if (qm_wait_pid(&st, pid) != pid)
    die(111, "Unable to wait for child. (#4.3.0)");
  if (qm_wait_crashed(st)) die(111, "Aack, child crashed. (#4.3.0)");
  int code = qm_wait_exitcode(st);
  if (code == 0) return;
  if (code == 99) {
    d.stop99 = true;
    return;
  }
  _exit(exit_permanent(code) ? 100 : 111);
}

static void do_forwards(Delivery& d) {
  if (!d.nforwards) return;
  rewind_message();
  int pid;
  bool rerr;
  const char* err = requeue_message(0, d.dtline, d.newsender.data(),
                                    d.newsender.len(), d.forwards, &pid,
                                    &rerr);
  if (rerr) die_read();
  if (err)
    die(*err == 'D' ? 100 : 111, "Unable to forward message: ", err + 1, ".");
  // Printed after the did line.
  if (!d.qp.copy("qp ") || !d.qp.append_ulong((unsigned long) pid) ||
      !d.qp.append_byte('\n'))
    die_nomem();
}

// ---- reading the .qmail file -------------------------------------------

// 1 the file exists (fd open, st filled), 0 it does not.
static int qmail_file_open(const char* name, int* fd, struct stat* st) {
  *fd = open_read(name);
  if (*fd == -1) {
    if (errno == EPERM || errno == EACCES || err_temporary(errno))
      die(111, "Unable to open ", name, ": ", errstr(errno), ". (#4.3.0)");
    return 0;
  }
  if (fstat(*fd, st) == -1) die(111, "Unable to stat ", name, ". (#4.3.0)");
  if (!S_ISREG(st->st_mode)) {
    close(*fd);
    *fd = -1;
    return 0;
  }
  if (st->st_mode & kQmPatrn) die(111, "Uh-oh: .qmail file is writable. (#4.7.0)");
  return 1;
}

static bool qmail_file_exists(const char* name) {
  int fd;
  struct stat st;
  if (!qmail_file_open(name, &fd, &st)) return false;
  close(fd);
  return true;
}

// Fill cmds with the instructions to follow.
static void choose_instructions(Delivery& d, Bytes& cmds) {
  DotQmailSearch search(d.a.dash, d.safeext);
  Bytes name;
  bool nomem;
  int fd = -1;
  struct stat st;
  long at = -1;
  while (search.next(name, &nomem)) {
    if (qmail_file_open(name.c_str(), &fd, &st)) {
      at = search.default_at();
      break;
    }
  }
  if (nomem) die_nomem();
  if (fd == -1) {
    if (*d.a.dash) die(100, "Sorry, no mailbox here by that name. (#5.1.1)");
  } else {
    if (at >= 0 && !env_set("DEFAULT", d.a.ext + at)) die_nomem();
    d.forward_only = (st.st_mode & 0100) != 0;
    char buf[4096];
    Input in(fd, buf, sizeof buf);
    cmds.clear();
    for (;;) {
      long r = in.fill();
      if (r < 0)
        die(111, "Unable to read ", name.c_str(), ": ", errstr(errno),
            ". (#4.3.0)");
      if (r == 0) break;
      if (!cmds.append(in.peek(), in.avail())) die_nomem();
      in.skip(in.avail());
    }
    close(fd);
    if (!cmds.empty()) return;
    d.forward_only = false;
  }
  if (!cmds.copy(d.a.aliasempty)) die_nomem();
}

// ---- set-up ------------------------------------------------------------

static void set_env(const char* name, const char* v, size_t n) {
  if (!env_set_bytes(name, v, n)) die_nomem();
}
static void set_env(const char* name, const char* v) {
  set_env(name, v, strlen(v));
}

static void set_environment(Delivery& d) {
  const Args& a = d.a;
  set_env("USER", a.user);
  set_env("HOME", a.home);
  set_env("LOCAL", a.local);
  set_env("HOST", a.host);
  set_env("RECIPIENT", d.recipient.data(), d.recipient.len());
  set_env("SENDER", a.sender);
  set_env("DTLINE", d.dtline.data(), d.dtline.len());
  set_env("RPLINE", d.rpline.data(), d.rpline.len());
  set_env("UFLINE", d.ufline.data(), d.ufline.len());
  set_env("EXT", a.ext);
  const char* e = a.ext;
  static const char* const kExt[3] = {"EXT2", "EXT3", "EXT4"};
  for (int i = 0; i < 3; ++i) {
    size_t k = byte_chr(e, strlen(e), '-');
    e += k + (e[k] ? 1 : 0);
    set_env(kExt[i], e);
  }
  static const char* const kHost[3] = {"HOST2", "HOST3", "HOST4"};
  size_t hn = strlen(a.host);
  for (int i = 0; i < 3; ++i) {
    hn = byte_rchr(a.host, hn, '.');
    set_env(kHost[i], a.host, hn);
  }
  if (!env_unset("DEFAULT")) die_nomem();
}

// The forwarding sender (spec §10.8): a list's owner gets the bounces.
static void choose_newsender(Delivery& d) {
  const char* s = d.a.sender;
  if (!d.newsender.copy(s)) die_nomem();
  if (!*s || str_equal(s, "#@[]")) return;
  Bytes owner;
  if (!owner.copy(".qmail") || !owner.append(d.a.dash) ||
      !owner.append(d.safeext) || !owner.append("-owner"))
    die_nomem();
  if (!qmail_file_exists(owner.c_str())) return;
  if (!d.newsender.copy(d.a.local) || !d.newsender.append("-owner"))
    die_nomem();
  if (!owner.append("-default")) die_nomem();
  if (qmail_file_exists(owner.c_str())) {
    if (!d.newsender.append("-@") || !d.newsender.append(d.a.host) ||
        !d.newsender.append("-@[]"))
      die_nomem();
  } else {
    if (!d.newsender.append_byte('@') || !d.newsender.append(d.a.host))
      die_nomem();
  }
}

static void check_home(Delivery& d) {
  if (chdir(d.a.home) == -1)
    die(111, "Unable to switch to ", d.a.home, ": ", errstr(errno),
        ". (#4.3.0)");
  struct stat st;
  if (stat(".", &st) == -1)
    die(111, "Unable to stat home directory: ", errstr(errno), ". (#4.3.0)");
  if (st.st_mode & kQmPatrn)
    die(111, "Uh-oh: home directory is writable. (#4.7.0)");
  if (st.st_mode & S_ISVTX) {
    if (d.doit)
      die(111, "Home directory is sticky: user is editing his .qmail "
               "file. (#4.2.1)");
    say("Warning: home directory is sticky.");
  }
}

static void check_loop(Delivery& d) {
  rewind_message();
  int r = dtline_seen(0, d.dtline);
  if (r == -1) die_read();
  if (r == 1)
    die(100, "This message is looping: it already has my Delivered-To "
             "line. (#5.4.6)");
}

// ---- the instructions ----------------------------------------------------

static void run_line(Delivery& d, Output& out, int kind, const char* arg) {
  if (d.forward_only && (kind == kDqMaildir || kind == kDqMbox))
    die(111, "Uh-oh: .qmail has file delivery but has x bit set. (#4.7.0)");
  if (d.forward_only && kind == kDqProgram)
    die(111, "Uh-oh: .qmail has prog delivery but has x bit set. (#4.7.0)");
  static const char* const kWord[] = {0, 0, 0, "program ", "forward ",
                                      "maildir ", "mbox "};
  if (kind == kDqForward) ++d.nforwards;
  else if (kind == kDqProgram) ++d.nprogs;
  else ++d.nfiles;
  if (!d.doit) {
    if (!out.puts(kWord[kind]) || !out.puts(arg) || !out.put_char('\n'))
      die(111, "Unable to write output. (#4.3.0)");
    return;
  }
  switch (kind) {
    case kDqForward:
      if (!d.forwards.append(arg) || !d.forwards.append_byte(0)) die_nomem();
      break;
    case kDqProgram: do_program(d, arg); break;
    case kDqMaildir: do_maildir(d, arg); break;
    case kDqMbox: do_mbox(d, arg); break;
  }
}

static void run_instructions(Delivery& d, const Bytes& cmds, Output& out) {
  size_t pos = 0;
  const char* line;
  size_t len;
  Bytes arg;
  bool first = true;
  while (!d.stop99 && dotqmail_next_line(cmds.data(), cmds.len(), &pos,
                                         &line, &len)) {
    const char* a;
    size_t an;
    int kind = dotqmail_classify(line, len, &a, &an);
    if (kind == kDqBlank && first)
      die(111, "Uh-oh: first line of .qmail file is blank. (#4.2.1)");
    first = false;
    if (kind == kDqBlank || kind == kDqComment || kind == kDqIgnored)
      continue;
    // A NUL would silently cut a path, command or address short.
    if (byte_chr(a, an, '\0') != an)
      die(111, "Uh-oh: .qmail line contains a NUL byte. (#4.7.0)");
    if (!arg.copy(a, an)) die_nomem();
    run_line(d, out, kind, arg.c_str());
  }
}

static void finish(Delivery& d, Output& out) {
  if (d.doit) do_forwards(d);
  if (!out.puts("did ") || !out.put_ulong(d.nfiles) || !out.put_char('+') ||
      !out.put_ulong(d.nforwards) || !out.put_char('+') ||
      !out.put_ulong(d.nprogs) || !out.put_char('\n'))
    die(111, "Unable to write output. (#4.3.0)");
  if (!out.put_bytes(d.qp) || !out.flush())
    die(111, "Unable to write output. (#4.3.0)");
}

static void parse_args(Delivery& d, int argc, char** argv) {
  int i = 1;
  d.doit = true;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; ++i) {
    if (str_equal(argv[i], "--")) {
      ++i;
      break;
    }
    for (const char* p = argv[i] + 1; *p; ++p) {
      if (*p == 'n') d.doit = false;
      else if (*p == 'N') d.doit = true;
      else die_usage();
    }
  }
  if (argc - i != 8) die_usage();
  const char** v = (const char**) argv + i;
  Args& a = d.a;
  a.user = v[0];
  a.home = v[1];
  a.local = v[2];
  a.dash = v[3];
  a.ext = v[4];
  a.host = v[5];
  a.sender = v[6];
  a.aliasempty = v[7];
  if (a.home[0] != '/') die_usage();
}

int deliver_main(int argc, char** argv) {
  Delivery d;
  d.nforwards = d.nfiles = d.nprogs = 0;
  d.forward_only = d.stop99 = false;
  parse_args(d, argc, argv);
  // A dead qmail-queue is reported by its exit code; a size limit shows
  // up as EFBIG on write, so the partial mbox entry can be cut off.
  qm_sig_ignore(SIGPIPE);
  qm_sig_ignore(SIGXFSZ);
  umask(077);
  if (!d.recipient.copy(d.a.local) || !d.recipient.append_byte('@') ||
      !d.recipient.append(d.a.host) ||
      !dotqmail_safeext(d.safeext, d.a.ext, strlen(d.a.ext)) ||
      !dtline_make(d.dtline, d.recipient.data(), d.recipient.len()) ||
      !rpline_make(d.rpline, d.a.sender, strlen(d.a.sender)) ||
      !ufline_make(d.ufline, d.a.sender, strlen(d.a.sender), now_sec()))
    die_nomem();
  check_home(d);
  set_environment(d);
  choose_newsender(d);
  set_env("NEWSENDER", d.newsender.data(), d.newsender.len());
  if (d.doit) check_loop(d);
  Bytes cmds;
  choose_instructions(d, cmds);
  if (cmds.last() != '\n' && !cmds.append_byte('\n')) die_nomem();
  char obuf[1024];
  Output out(1, obuf, sizeof obuf);
  run_instructions(d, cmds, out);
  finish(d, out);
  return 0;
}
