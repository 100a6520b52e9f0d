// maildirwatch: show the new messages of a maildir on a terminal, every
// 30 seconds (pop3-qmqp-tools §6.3).
//
// Run by users with MAILDIR set; loops until killed.  Each round cleans
// tmp/, scans new/ (oldest first), clears the screen and prints for each
// message "FROM <Return-Path> TO <Delivered-To>", the From: field in
// bold, and the start of Subject and body.  Bytes outside 32..126 are
// shown as '?' or '/'.  Exit 111 if MAILDIR is unset or unusable.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/maildir.h"

enum { kTextMax = 158, kHeaderMax = 65536 };

static void die_sys(const char* a, const char* b = 0) {
  msg_fatal_sys(a, b);
  _exit(111);
}

struct Summary {
  Bytes rp, dt, from, subject, body;
  bool has_from;
};

// Append the value of a header field (after "name:") with one leading
// space or tab removed.
static void field_value(Bytes& out, const Bytes& field, size_t name_len) {
  const char* v = field.data() + name_len;
  size_t n = field.len() - name_len;
  while (n && (*v == ' ' || *v == '\t')) { ++v; --n; }
  out.append(v, n);
}

static void take_field(Summary& s, const Bytes& f) {
  const char* p = f.data();
  size_t n = f.len();
  if (case_starts(p, n, "return-path:")) field_value(s.rp, f, 12);
  else if (case_starts(p, n, "delivered-to:") && s.dt.empty())
    field_value(s.dt, f, 13);
  else if (case_starts(p, n, "from:")) {
    s.from.copy(f);
    s.has_from = true;
  } else if (case_starts(p, n, "subject:")) {
    field_value(s.subject, f, 8);
  }
}

// Read the header (fields joined with their continuation lines) and the
// first bytes of the body.
static void summarize(int fd, Summary& s) {
  char buf[4096];
  Input in(fd, buf, sizeof buf);
  Bytes line, field;
  s.has_from = false;
  bool body = false;
  for (;;) {
    int r = in.get_line(line, '\n', kHeaderMax);
    if (r <= 0 && line.empty()) break;
    if (line.last() == '\n') line.truncate(line.len() - 1);
    if (body) {
      s.body.append(line);
      s.body.append_byte(' ');
      if (s.body.len() > kTextMax) break;
    } else if (line.empty()) {
      if (!field.empty()) take_field(s, field);
      body = true;
    } else if (line.data()[0] == ' ' || line.data()[0] == '\t') {
      field.append(line);
    } else {
      if (!field.empty()) take_field(s, field);
      field.copy(line);
    }
    if (r <= 0) break;
  }
  if (!body && !field.empty()) take_field(s, field);
}

static void put_clean(Output& out, const Bytes& b, char bad, size_t max) {
  size_t n = b.len() < max ? b.len() : max;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char) b.data()[i];
    out.put_char(c >= 32 && c <= 126 ? (char) c : bad);
  }
}

static void show(Output& out, const MaildirMsg& m) {
  int fd = open_read(m.path);
  if (fd == -1) return;
  Summary s;
  summarize(fd, s);
  close(fd);
  out.puts("FROM ");
  if (s.rp.empty()) out.put_char('?');
  put_clean(out, s.rp, '?', s.rp.len());
  out.puts(" TO ");
  if (s.dt.empty()) out.put_char('?');
  put_clean(out, s.dt, '?', s.dt.len());
  out.put_char('\n');
  if (s.has_from) {
    out.puts("\033[1m");
    put_clean(out, s.from, '/', s.from.len());
    out.puts("\033[0m\n");
  }
  Bytes text;
  text.copy(s.subject);
  text.append_byte(' ');
  text.append(s.body);
  put_clean(out, text, '/', kTextMax);
  out.puts("\n\n");
}

int main() {
  msg_init("maildirwatch");
  const char* dir = env_get("MAILDIR");
  if (!dir) {
    msg_fatal("MAILDIR not set");
    _exit(111);
  }
  if (chdir(dir) == -1) die_sys("unable to chdir to ", dir);
  char obuf[8192];
  Output out(1, obuf, sizeof obuf);
  MaildirList list;
  for (;;) {
    unsigned long now = now_sec();
    maildir_clean_tmp(now);
    if (!list.scan(false, now)) die_sys("unable to scan $MAILDIR");
    out.puts("\033[;H\033[;J");
    for (size_t i = 0; i < list.count(); ++i) show(out, list.at(i));
    if (!out.flush()) die_sys("unable to write output");
    sleep(30);
  }
}
