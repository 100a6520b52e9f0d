// qmail-pop3d: serve a Maildir over POP3 (RFC 1939) after login.
//
// Exec'd by a checkpassword program as "qmail-pop3d maildirname" in the
// user's home directory, running as the user (never as root).  Reads
// commands on fd 0 and answers on fd 1.  Deletions and the move of new
// messages to cur/ happen only at QUIT; any other end of the session
// changes nothing.  Memory grows with the number of messages (one small
// record and the file name each, plus a flag), never with their size.  Exit 0 when the
// session ends, 1 when started as root.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/maildir.h"

enum { kTimeout = 1200, kLineMax = 1024 };

static Output* g_out;

static void die() { _exit(0); }
static void flush() {
  if (!g_out->flush()) die();
}
static void put(const char* s, size_t n) {
  if (!g_out->put(s, n)) die();
}
static void put_str(const char* s) {
  if (!g_out->puts(s)) die();
}
static void put_num(unsigned long u) {
  if (!g_out->put_ulong(u)) die();
}
static void reply(const char* s) {
  put_str(s);
  put_str("\r\n");
  flush();
}
static void ok() { reply("+OK "); }
static void die_reply(const char* s) {
  reply(s);
  die();
}
static void die_nomem() { die_reply("-ERR out of memory"); }
static void die_scan() { die_reply("-ERR unable to scan $HOME/Maildir"); }

// The session: the scanned list, a deleted flag per message, LAST.
static MaildirList* g_list;
static bool* g_deleted;
static unsigned long g_count;
static unsigned long g_last;

static const char* path_of(unsigned long i) { return g_list->at(i).path; }
static unsigned long size_of(unsigned long i) { return g_list->at(i).size; }

static void scan_box() {
  unsigned long start = (unsigned long) time(0);
  maildir_clean_tmp(start);
  if (!g_list->scan(true, start)) {
    if (errno == ENOMEM) die_nomem();
    die_scan();
  }
  g_count = (unsigned long) g_list->count();
  g_deleted = (bool*) calloc(g_count ? g_count : 1, sizeof(bool));
  if (!g_deleted) die_nomem();
}

// The UID survives the move to cur/.  Bytes RFC 1939 does not allow in a
// UID are shown as '?'.
static void put_uid(unsigned long i) {
  size_t n;
  const char* p = maildir_uid(path_of(i), &n);
  for (size_t k = 0; k < n; ++k) {
    unsigned char c = (unsigned char) p[k];
    char o = (c > 32 && c < 127) ? (char) c : '?';
    put(&o, 1);
  }
}

// Parse a message number: 1-based and not deleted, or a reply and false.
static bool msg_arg(const char* arg, size_t n, unsigned long* out) {
  if (!n || arg[0] < '0' || arg[0] > '9') {
    reply("-ERR syntax error");
    return false;
  }
  unsigned long u;
  if (!scan_ulong(arg, n, &u) || u > g_count) {
    reply("-ERR not that many messages");
    return false;
  }
  if (u == 0) {
    reply("-ERR messages are counted from 1");
    return false;
  }
  if (g_deleted[u - 1]) {
    reply("-ERR already deleted");
    return false;
  }
  *out = u - 1;
  return true;
}

// Send a message with CRLF line ends and dot-stuffing.  limit < 0 sends
// everything; otherwise the header, the blank line and at most limit body
// lines.  The first block is read before "+OK" goes out, so a message
// that vanished or cannot be read gets a clean -ERR.
static void send_msg(unsigned long i, long limit) {
  int fd = open_read(path_of(i));
  if (fd == -1) {
    reply("-ERR unable to open that message");
    return;
  }
  char ibuf[8192];
  Input in(fd, ibuf, sizeof ibuf);
  long r = in.fill();
  if (r == -1) {
    close(fd);
    reply("-ERR unable to read that message");
    return;
  }
  put_str("+OK \r\n");
  bool bol = true;       // at the beginning of a line
  bool in_body = false;
  long body_lines = 0;
  while (r > 0) {
    const char* p = in.peek();
    size_t n = in.avail();
    size_t used = 0;
    while (used < n) {
      if (in_body && limit >= 0 && bol && body_lines >= limit) break;
      if (bol && p[used] == '.') put(".", 1);
      size_t k = byte_chr(p + used, n - used, '\n');
      put(p + used, k);
      used += k;
      if (used == n) {
        bol = false;
        break;
      }
      put("\r\n", 2);
      // An empty line ends the header; body lines count after it.
      if (bol && k == 0 && !in_body)
        in_body = true;
      else if (in_body)
        ++body_lines;
      bol = true;
      ++used;
    }
    in.skip(used);
    if (in_body && limit >= 0 && bol && body_lines >= limit) break;
    r = in.fill();
  }
  close(fd);
  // A read error after "+OK": the client cannot be told; end the session
  // without committing anything.
  if (r == -1) die();
  if (!bol) put("\r\n", 2);
  put("\r\n.\r\n", 5);
  flush();
}

static void cmd_stat() {
  unsigned long n = 0, bytes = 0;
  for (unsigned long i = 0; i < g_count; ++i)
    if (!g_deleted[i]) {
      ++n;
      bytes += size_of(i);
    }
  put_str("+OK ");
  put_num(n);
  put_str(" ");
  put_num(bytes);
  reply("");
}

// LIST and UIDL: one message, or a listing of all that are not deleted.
static void cmd_list(const char* arg, size_t n, bool uidl) {
  unsigned long i;
  if (n) {
    if (!msg_arg(arg, n, &i)) return;
    put_str("+OK ");
    put_num(i + 1);
    put_str(" ");
    if (uidl)
      put_uid(i);
    else
      put_num(size_of(i));
    reply("");
    return;
  }
  put_str("+OK \r\n");
  for (i = 0; i < g_count; ++i) {
    if (g_deleted[i]) continue;
    put_num(i + 1);
    put_str(" ");
    if (uidl)
      put_uid(i);
    else
      put_num(size_of(i));
    put_str("\r\n");
  }
  reply(".");
}

static void cmd_dele(const char* arg, size_t n) {
  unsigned long i;
  if (!msg_arg(arg, n, &i)) return;
  g_deleted[i] = true;
  if (i + 1 > g_last) g_last = i + 1;
  ok();
}

static void cmd_retr(const char* arg, size_t n) {
  unsigned long i;
  if (!msg_arg(arg, n, &i)) return;
  send_msg(i, -1);
  if (i + 1 > g_last) g_last = i + 1;
}

static void cmd_top(const char* arg, size_t n) {
  unsigned long i;
  if (!msg_arg(arg, n, &i)) return;
  // The line count follows the number after spaces; without a numeric
  // count the whole message is sent, as qmail did.
  size_t sp = byte_chr(arg, n, ' ');
  while (sp < n && arg[sp] == ' ') ++sp;
  unsigned long k;
  long limit = -1;
  if (scan_ulong(arg + sp, n - sp, &k)) limit = k > 0x7fffffffUL ? 0x7fffffffL : (long) k;
  send_msg(i, limit);
}

static void cmd_rset() {
  for (unsigned long i = 0; i < g_count; ++i) g_deleted[i] = false;
  g_last = 0;
  ok();
}

static void cmd_last() {
  put_str("+OK ");
  put_num(g_last);
  reply("");
}

// QUIT: the only place the mailbox changes.
static void cmd_quit() {
  bool all = true;
  Bytes cur;
  for (unsigned long i = 0; i < g_count; ++i) {
    const char* p = path_of(i);
    if (g_deleted[i]) {
      if (unlink(p) == -1 && errno != ENOENT) all = false;
      continue;
    }
    if (!str_starts(p, "new/")) continue;
    if (!cur.copy("cur/") || !cur.append(p + 4) || !cur.append(":2,")) continue;
    rename(p, cur.c_str());
  }
  if (all)
    ok();
  else
    reply("-ERR unable to unlink all deleted messages");
  _exit(0);
}

static void dispatch(Bytes& line) {
  size_t n = line.len();
  if (n && line.data()[n - 1] == '\n') --n;
  if (n && line.data()[n - 1] == '\r') --n;
  const char* p = line.data();
  size_t vlen = byte_chr(p, n, ' ');
  size_t a = vlen;
  while (a < n && p[a] == ' ') ++a;
  const char* arg = p + a;
  size_t alen = n - a;
  if (case_equal(p, vlen, "noop", 4)) ok();
  else if (case_equal(p, vlen, "stat", 4)) cmd_stat();
  else if (case_equal(p, vlen, "list", 4)) cmd_list(arg, alen, false);
  else if (case_equal(p, vlen, "uidl", 4)) cmd_list(arg, alen, true);
  else if (case_equal(p, vlen, "dele", 4)) cmd_dele(arg, alen);
  else if (case_equal(p, vlen, "retr", 4)) cmd_retr(arg, alen);
  else if (case_equal(p, vlen, "top", 3)) cmd_top(arg, alen);
  else if (case_equal(p, vlen, "rset", 4)) cmd_rset();
  else if (case_equal(p, vlen, "last", 4)) cmd_last();
  else if (case_equal(p, vlen, "quit", 4)) cmd_quit();
  else reply("-ERR unimplemented");
}

int main(int argc, char** argv) {
  char obuf[8192];
  Output out(1, obuf, sizeof obuf);
  out.set_timeout(kTimeout);
  g_out = &out;
  qm_sig_ignore(SIGPIPE);
  if (getuid() == 0) {
    write_cstr(2, "qmail-pop3d invoked as uid 0, terminating\n");
    _exit(1);
  }
  if (argc < 2 || chdir(argv[1]) == -1)
    die_reply("-ERR this user has no $HOME/Maildir");
  MaildirList list;
  g_list = &list;
  scan_box();
  ok();
  char ibuf[1024];
  Input in(0, ibuf, sizeof ibuf);
  in.set_timeout(kTimeout);
  Bytes line;
  for (;;) {
    int r = in.get_line(line, '\n', kLineMax);
    if (r == 2) die_reply("-ERR line too long");
    if (r != 1) die();
    dispatch(line);
  }
}
