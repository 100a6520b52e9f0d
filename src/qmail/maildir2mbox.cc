// maildir2mbox: move the messages of a maildir into an mbox file
// (pop3-qmqp-tools §6.2).
//
// Run by users (or elq/pinq/qail) with MAILDIR, MAIL and MAILTMP set.
// Cleans tmp/, then, holding the mbox lock, writes MAIL's old contents
// plus every message of new/ and cur/ (oldest first, each with a From_
// line, mboxrd quoting and a blank line after it) to MAILTMP, fsyncs it
// and renames it over MAIL.  Only after that rename are the maildir
// files removed, so a crash at any point loses nothing (at worst a
// message is in both places).  Exit codes: 0 done (or nothing to do),
// 111 any failure before the rename (the maildir is left untouched).
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/lock.h"
#include "compat/sync.h"
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/maildir.h"
#include "src/mail/mbox.h"

static void die(const char* a, const char* b = 0) {
  msg_fatal(a, b);
  _exit(111);
}
static void die_sys(const char* a, const char* b = 0, const char* c = 0,
                    const char* d = 0) {
  msg_fatal_sys(a, b, c, d);
  _exit(111);
}

static const char* need_env(const char* name, const char* text) {
  const char* v = env_get(name);
  if (!v) die(text);
  return v;
}

// The From_ line of a stored message: the Return-Path address of its
// first line (MAILER-DAEMON when empty, XXX when there is none), and the
// file's mtime.  Leaves fd at offset 0.
static bool from_line(Bytes& out, int fd, unsigned long mtime) {
  char buf[1024];
  long n = read_full(fd, buf, sizeof buf);
  if (n < 0 || lseek(fd, 0, SEEK_SET) != 0) return false;
  size_t len = byte_chr(buf, (size_t) n, '\n');
  static const char kRp[] = "Return-Path: <";
  const size_t kRpLen = sizeof kRp - 1;
  if (!out.copy("From ")) return false;
  if (len >= kRpLen && memcmp(buf, kRp, kRpLen) == 0) {
    const char* a = buf + kRpLen;
    size_t an = byte_rchr(a, len - kRpLen, '>');
    if (an == 0) {
      if (!out.append("MAILER-DAEMON")) return false;
    } else {
      size_t start = out.len();
      if (!out.append(a, an)) return false;
      char* p = out.data();
      for (size_t i = start; i < out.len(); ++i)
        if (p[i] == ' ' || p[i] == '\t') p[i] = '-';
    }
  } else if (!out.append("XXX")) {
    return false;
  }
  DateTime d;
  date_from_unix(&d, mtime);
  char date[kFmtDate];
  return out.append_byte(' ') && out.append(date, fmt_date_mbox(date, &d)) &&
         out.append_byte('\n');
}

static void copy_fd(int from, Output& out, const char* name) {
  char buf[8192];
  for (;;) {
    long r = read(from, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) die_sys("unable to read ", name);
    if (r == 0) return;
    if (!out.put(buf, (size_t) r)) die_sys("unable to write to ", name);
  }
}

static void append_message(const MaildirMsg& m, Output& out,
                           const char* tmpname) {
  int fd = open_read(m.path);
  if (fd == -1) die_sys("unable to open $MAILDIR/", m.path);
  Bytes ufline;
  if (!from_line(ufline, fd, m.mtime)) die_sys("unable to read $MAILDIR/", m.path);
  if (!out.put_bytes(ufline)) die_sys("unable to write to ", tmpname);
  char ibuf[8192];
  Input in(fd, ibuf, sizeof ibuf);
  int r = mbox_copy_quoted(in, out);
  if (r == -1) die_sys("unable to read $MAILDIR/", m.path);
  if (r == -2) die_sys("unable to write to ", tmpname);
  close(fd);
}

int main() {
  msg_init("maildir2mbox");
  umask(077);
  const char* mbox = need_env("MAIL", "MAIL not set");
  const char* mboxtmp = need_env("MAILTMP", "MAILTMP not set");
  const char* maildir = need_env("MAILDIR", "MAILDIR not set");
  if (chdir(maildir) == -1) die_sys("unable to chdir to ", maildir);
  unsigned long now = now_sec();
  maildir_clean_tmp(now);
  MaildirList list;
  if (!list.scan(true, now)) die_sys("unable to scan $MAILDIR");
  if (list.count() == 0) return 0;

  int fdlock = open_append(mbox);
  if (fdlock == -1) die_sys("unable to open ", mbox);
  if (!qm_lock_ex(fdlock)) die_sys("unable to lock ", mbox);
  int fdold = open_read(mbox);
  if (fdold == -1) die_sys("unable to read ", mbox);
  int fdnew = open_trunc(mboxtmp, 0600);
  if (fdnew == -1) die_sys("unable to create ", mboxtmp);
  char obuf[16384];
  Output out(fdnew, obuf, sizeof obuf);
  copy_fd(fdold, out, mbox);
  close(fdold);
  for (size_t i = 0; i < list.count(); ++i)
    append_message(list.at(i), out, mboxtmp);
  if (!out.flush()) die_sys("unable to write to ", mboxtmp);
  if (!qm_fsync(fdnew)) die_sys("unable to write to ", mboxtmp);
  if (close(fdnew) == -1) die_sys("unable to write to ", mboxtmp);
  if (rename(mboxtmp, mbox) == -1)
    die_sys("unable to move ", mboxtmp, " to ", mbox);
  for (size_t i = 0; i < list.count(); ++i)
    if (unlink(list.at(i).path) == -1)
      msg_warn_sys("$MAILDIR/", list.at(i).path,
                   " will be delivered twice; unable to unlink");
  return 0;
}
