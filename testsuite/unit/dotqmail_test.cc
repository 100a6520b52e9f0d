// Unit tests for the delivery parsers: dotqmail (safeext, search order,
// line classification), dtline (trace lines, loop check) and mbox
// quoting, including hostile input (NULs, overlong lines, split reads).
#include "qtest.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vector>
#include "src/lib/bytes.h"
#include "src/lib/io.h"
#include "src/mail/dotqmail.h"
#include "src/mail/dtline.h"
#include "src/mail/mbox.h"
#include "compat/lock.h"

static std::string S(const Bytes& b) { return std::string(b.c_str(), b.len()); }

static std::string search(const char* dash, const char* ext,
                          std::vector<long>* at = 0) {
  Bytes safe;
  dotqmail_safeext(safe, ext, strlen(ext));
  DotQmailSearch s(dash, safe);
  Bytes name;
  bool nomem;
  std::string out;
  while (s.next(name, &nomem)) {
    if (!out.empty()) out += " ";
    out += S(name);
    if (at) at->push_back(s.default_at());
  }
  return out;
}

static std::string classify(const char* line, size_t n) {
  const char* a;
  size_t an;
  int k = dotqmail_classify(line, n, &a, &an);
  static const char* const kNames[] = {"blank", "comment", "ignored",
                                       "program", "forward", "maildir",
                                       "mbox"};
  return std::string(kNames[k]) + ":" + std::string(a, an);
}

// Run mbox_copy_quoted over data with an input buffer of bufsize bytes
// (small sizes split ">From " across reads).
static std::string quote(const std::string& data, size_t bufsize) {
  char path[] = "/tmp/qmdqXXXXXX";
  int fd = mkstemp(path);
  if (write(fd, data.data(), data.size()) < 0) return "<write>";
  lseek(fd, 0, SEEK_SET);
  unlink(path);
  char out_path[] = "/tmp/qmdqoXXXXXX";
  int ofd = mkstemp(out_path);
  unlink(out_path);
  std::vector<char> ibuf(bufsize);
  char obuf[7];
  Input in(fd, &ibuf[0], bufsize);
  Output out(ofd, obuf, sizeof obuf);
  int r = mbox_copy_quoted(in, out);
  std::string s;
  lseek(ofd, 0, SEEK_SET);
  char b[4096];
  ssize_t n;
  while ((n = read(ofd, b, sizeof b)) > 0) s.append(b, (size_t) n);
  close(fd);
  close(ofd);
  return r == 0 ? s : "<error>";
}

static int seen(const std::string& msg, const char* rcpt) {
  char path[] = "/tmp/qmdqsXXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  if (write(fd, msg.data(), msg.size()) < 0) return -9;
  lseek(fd, 0, SEEK_SET);
  Bytes dt;
  dtline_make(dt, rcpt, strlen(rcpt));
  int r = dtline_seen(fd, dt);
  close(fd);
  return r;
}

int main() {
  TestState t;
  Bytes b;

  dotqmail_safeext(b, "Foo.Bar-BAZ\xc4", 12);
  t.testrun(S(b) == "foo:bar-baz\xc4", "safeext lowercases ASCII, dots to colons");
  dotqmail_safeext(b, "a\0b", 3);
  t.testrun(b.len() == 3 && b.data()[1] == 0, "safeext keeps NUL bytes");

  t.testrun(search("-", "foo-bar") ==
                ".qmail-foo-bar .qmail-foo-default .qmail-default",
            "search foo-bar");
  std::vector<long> at;
  t.testrun(search("-", "a-b-", &at) ==
                ".qmail-a-b- .qmail-a-b-default .qmail-a-default "
                ".qmail-default",
            "search a-b-");
  t.testrun(at.size() == 4 && at[0] == -1 && at[1] == 4 && at[2] == 2 &&
                at[3] == 0,
            "default positions");
  t.testrun(search("-", "") == ".qmail- .qmail-default", "search empty ext");
  t.testrun(search("", "") == ".qmail .qmaildefault", "search no dash");
  t.testrun(search("", "-zzz") == ".qmail-zzz .qmail-default .qmaildefault",
            "search plesk style");
  t.testrun(search("-", "--") == ".qmail--- .qmail---default "
                                 ".qmail--default .qmail-default",
            "search only dashes");
  t.testrun(search("-", "A.B") == ".qmail-a:b .qmail-default",
            "search with dots");
  std::string longext(5000, 'x');
  std::string r = search("-", longext.c_str());
  t.testrun(r == ".qmail-" + longext + " .qmail-default", "search long ext");

  t.testrun(classify("", 0) == "blank:", "blank");
  t.testrun(classify(" \t ", 3) == "blank:", "spaces only is blank");
  t.testrun(classify("# x", 3) == "comment:# x", "comment");
  t.testrun(classify("+list", 5) == "ignored:+list", "plus");
  t.testrun(classify("|echo hi  \t", 11) == "program:echo hi", "program trimmed");
  t.testrun(classify("|", 1) == "program:", "empty program");
  t.testrun(classify("&a@b", 4) == "forward:a@b", "ampersand forward");
  t.testrun(classify("joe@example.org", 15) == "forward:joe@example.org",
            "bare forward");
  t.testrun(classify("./Maildir/", 10) == "maildir:./Maildir/", "maildir");
  t.testrun(classify("/var/mail/u", 11) == "mbox:/var/mail/u", "mbox");
  t.testrun(classify("./Maildir/ ", 11) == "maildir:./Maildir/",
            "maildir with trailing space");
  t.testrun(classify("./a\0b/", 6) == std::string("maildir:./a\0b/", 14),
            "NUL kept for the caller to refuse");

  const char buf[] = "a\n\nb";
  size_t pos = 0;
  const char* line;
  size_t len;
  std::string lines;
  while (dotqmail_next_line(buf, sizeof buf - 1, &pos, &line, &len))
    lines += "[" + std::string(line, len) + "]";
  t.testrun(lines == "[a][][b]", "lines with missing final newline");
  pos = 0;
  t.testrun(!dotqmail_next_line(buf, 0, &pos, &line, &len), "empty buffer");

  dtline_make(b, "u@h", 3);
  t.testrun(S(b) == "Delivered-To: u@h\n", "dtline");
  dtline_make(b, "u\n@h\n", 5);
  t.testrun(S(b) == "Delivered-To: u_@h_\n", "dtline newlines");
  rpline_make(b, "", 0);
  t.testrun(S(b) == "Return-Path: <>\n", "rpline empty");
  rpline_make(b, "a b@x", 5);
  t.testrun(S(b) == "Return-Path: <\"a b\"@x>\n", "rpline quotes");
  rpline_make(b, "a\nb@x", 5);
  t.testrun(S(b).find('\n') == S(b).size() - 1, "rpline single line");
  ufline_make(b, "", 0, 965179497);
  t.testrun(S(b) == "From MAILER-DAEMON Wed Aug 02 01:24:57 2000\n",
            "ufline empty sender");
  ufline_make(b, "a b\tc\nd@x", 9, 965179497);
  t.testrun(S(b) == "From a-b-c-d@x Wed Aug 02 01:24:57 2000\n",
            "ufline maps blanks");

  t.testrun(seen("Delivered-To: u@h\n\n", "u@h") == 1, "loop seen");
  t.testrun(seen("A: b\nDelivered-To: u@h", "u@h") == 0,
            "unterminated last header line does not count");
  t.testrun(seen("Delivered-To: U@h\n\n", "u@h") == 0, "case matters");
  t.testrun(seen("\nDelivered-To: u@h\n", "u@h") == 0, "body ignored");
  t.testrun(seen("Delivered-To: u@hh\nDelivered-To: u@h\n\n", "u@h") == 1,
            "second line matches");
  std::string huge = "X: " + std::string(100000, 'y') + "\nDelivered-To: u@h\n";
  t.testrun(seen(huge, "u@h") == 1, "overlong line before match");
  t.testrun(seen(std::string("X: \0\n\0\nDelivered-To: u@h\n", 25), "u@h") == 1,
            "NUL bytes in header");
  t.testrun(seen("", "u@h") == 0, "empty message");

  t.testrun(quote("From x\nFrom y", 4096) == ">From x\n>From y\n\n",
            "quote and final newline");
  for (size_t bs = 1; bs <= 9; ++bs) {
    std::string in = "a\n>>From b\n>Fro\nFrom\n>From \nFromage\nFrom ";
    std::string want =
        "a\n>>>From b\n>Fro\nFrom\n>>From \nFromage\n>From \n\n";
    t.testrun(quote(in, bs) == want,
              "quote with input buffer " + std::string(1, (char) ('0' + bs)));
  }
  t.testrun(quote("", 16) == "\n", "empty message gives one blank line");
  t.testrun(quote("x\n", 16) == "x\n\n", "blank line after message");
  t.testrun(quote(std::string("F\0rom \n", 7), 3) == std::string("F\0rom \n\n", 8),
            "NUL not quoted");

  // Locking: another process holds the mbox lock.
  char dir[] = "/tmp/qmdqlXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;
  int lfd = open("box", O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (write(lfd, "old\n\n", 5) < 0) return 1;
  int sync_pipe[2];
  if (pipe(sync_pipe) == -1) return 1;
  int holder = fork();
  if (holder == 0) {
    // Its own open: flock locks belong to the open file description.
    int cfd = open("box", O_WRONLY | O_APPEND);
    if (cfd == -1 || !qm_lock_ex(cfd)) _exit(1);
    if (write(sync_pipe[1], "x", 1) < 0) _exit(1);
    sleep(30);
    _exit(0);
  }
  char c;
  if (read(sync_pipe[0], &c, 1) != 1) return 1;
  int fd2 = open("box", O_WRONLY | O_APPEND);
  t.testrun(mbox_lock(fd2, 0) == 0, "mbox_lock times out when held");
  int msg = open("box", O_RDONLY);
  t.testrun(mbox_deliver("box", "From x\n", 7, msg, 1) == kMboxLocked,
            "mbox_deliver reports a held lock");
  kill(holder, SIGKILL);
  waitpid(holder, 0, 0);
  t.testrun(mbox_lock(fd2, 1) == 1, "mbox_lock gets a free lock");
  close(fd2);
  int in = open("/dev/null", O_RDONLY);
  t.testrun(mbox_deliver("box", "From x\n", 7, in, 1) == kMboxOk, "deliver");
  int rd = open("box", O_RDONLY);
  char got[64];
  ssize_t n = read(rd, got, sizeof got);
  t.testrun(n == 13 && memcmp(got, "old\n\nFrom x\n\n", 13) == 0,
            "locked file unchanged, then appended");
  int bad = open("/", O_RDONLY);
  t.testrun(mbox_deliver("box", "From y\n", 7, bad, 1) == kMboxReadMsg,
            "read error reported");
  lseek(rd, 0, SEEK_SET);
  n = read(rd, got, sizeof got);
  t.testrun(n == 13, "read error: partial entry cut off");
  close(rd);
  close(bad);
  close(in);
  close(msg);
  close(lfd);
  return 0;
}
