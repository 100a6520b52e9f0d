// qbiff: announce a new message on the recipient's terminals.
//
// Run by qmail-local as "|qbiff" from a .qmail file, as the recipient,
// with USER, SENDER and LOCAL in the environment and the message on fd 0.
// For every login of USER it writes "*** TO <local> FROM <sender>" and a
// line of the subject and body to the terminal, but only to terminals
// the user owns with the owner-execute bit set (what "biff y" sets).
// Never affects delivery: always exits 0.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#if defined(HAVE_UTMPX_H) && defined(HAVE_GETUTXENT)
#include <utmpx.h>
#define QBIFF_UTMPX 1
#elif defined(HAVE_UTMP_H)
#include <utmp.h>
#endif
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/io.h"
#include "src/lib/str.h"

enum { kSummaryMax = 78 };

static void done() { _exit(0); }

static bool printable(char c) { return c >= 32 && c <= 126; }

// "    " + the Subject value + body text, unprintables (line ends too) as
// '/', at most 78 bytes.
static void summarize(Bytes& sum) {
  char buf[4096];
  Input in(0, buf, sizeof buf);
  Bytes line, subject, body;
  bool in_header = true;
  bool in_subject = false;
  for (;;) {
    int r = in.get_line(line, '\n', 1024);
    if (r == -1 || (r == 0 && line.empty())) break;
    size_t n = line.len();
    if (n && line.data()[n - 1] == '\n') --n;
    if (in_header) {
      if (n == 0) {
        in_header = false;
        continue;
      }
      bool cont = line.data()[0] == ' ' || line.data()[0] == '\t';
      if (!cont) in_subject = case_starts(line.data(), n, "subject:");
      if (in_subject) {
        size_t skip = cont ? 0 : 8;
        while (skip < n && (line.data()[skip] == ' ' || line.data()[skip] == '\t') && !cont)
          ++skip;
        if (!subject.append(line.data() + skip, line.len() - skip)) done();
      }
      continue;
    }
    if (!body.append(line.data(), line.len())) done();
    if (body.len() > kSummaryMax) break;
  }
  if (!sum.copy("    ") || !sum.append(subject) ||
      !sum.append(body))
    done();
  if (sum.len() > kSummaryMax) sum.truncate(kSummaryMax);
  for (size_t i = 0; i < sum.len(); ++i)
    if (!printable(sum.data()[i])) sum.data()[i] = '/';
}

static void append_clean(Bytes& out, const char* s) {
  for (; *s; ++s)
    if (!out.append_byte(printable(*s) ? *s : '_')) done();
}

// Write to one terminal if the user asked for it.
static void notify(const char* tty, size_t n, const Bytes& text) {
  Bytes name;
  if (!name.copy(tty, n)) return;
  if (name.empty() || name.data()[0] == '/' ||
      byte_chr(name.data(), name.len(), '.') < name.len() || name.has_nul())
    return;
  int fd = open(name.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK);
  if (fd == -1) return;
  struct stat st;
  if (fstat(fd, &st) == 0 && st.st_uid == getuid() && (st.st_mode & S_IXUSR))
    write(fd, text.data(), text.len());
  close(fd);
}

int main() {
  const char* user = env_get("USER");
  const char* sender = env_get("SENDER");
  const char* local = env_get("LOCAL");
  if (!user || !sender || !local) done();
  Bytes sum, text;
  summarize(sum);
  if (!text.copy("\r\n\007*** TO ")) done();
  append_clean(text, local);
  if (!text.append(" FROM ")) done();
  append_clean(text, sender);
  if (!text.append("\r\n") || !text.append(sum) || !text.append("\r\n"))
    done();
  if (chdir("/dev") == -1) done();
  size_t ulen = str_len(user);
#ifdef QBIFF_UTMPX
  setutxent();
  struct utmpx* u;
  while ((u = getutxent()) != 0) {
    if (u->ut_type != USER_PROCESS) continue;
    size_t k = byte_chr(u->ut_user, sizeof u->ut_user, 0);
    if (k == ulen && byte_equal(u->ut_user, user, k))
      notify(u->ut_line, byte_chr(u->ut_line, sizeof u->ut_line, 0), text);
  }
  endutxent();
#elif defined(HAVE_UTMP_H)
  int fd = open(UTMP_FILE, O_RDONLY);
  if (fd == -1) done();
  struct utmp u;
  while (read(fd, &u, sizeof u) == (long) sizeof u) {
    size_t k = byte_chr(u.ut_name, sizeof u.ut_name, 0);
    if (k == ulen && byte_equal(u.ut_name, user, k))
      notify(u.ut_line, byte_chr(u.ut_line, sizeof u.ut_line, 0), text);
  }
  close(fd);
#endif
  done();
}
