// dotqmail.cc: safeext, the .qmail search order, instruction lines.
#include "config.h"
#include "src/mail/dotqmail.h"

#include "compat/errno_compat.h"
#include "src/lib/str.h"

bool dotqmail_safeext(Bytes& out, const char* ext, size_t n) {
  if (!out.copy(ext, n)) return false;
  char* p = out.data();
  for (size_t i = 0; i < n; ++i)
    p[i] = p[i] == '.' ? ':' : case_lower_char(p[i]);
  return true;
}

bool DotQmailSearch::next(Bytes& name, bool* nomem) {
  *nomem = false;
  if (state_ == 0) {
    state_ = 1;
    pos_ = safeext_.len();
    at_ = -1;
    if (!name.copy(".qmail") || !name.append(dash_) ||
        !name.append(safeext_)) {
      *nomem = true;
      return false;
    }
    return true;
  }
  if (state_ == 2) return false;
  // Walk p down from the current position to the next place where a
  // "default" may stand: the start, or just after a '-'.
  const char* s = safeext_.data();
  for (;;) {
    size_t p = pos_;
    bool ok = p == 0 || s[p - 1] == '-';
    if (p == 0) state_ = 2;
    else --pos_;
    if (ok) {
      at_ = (long) p;
      if (!name.copy(".qmail") || !name.append(dash_) ||
          !name.append(s, p) || !name.append("default")) {
        *nomem = true;
        return false;
      }
      return true;
    }
  }
}

bool dotqmail_next_line(const char* buf, size_t n, size_t* pos,
                        const char** line, size_t* len) {
  if (*pos >= n) return false;
  size_t start = *pos;
  size_t i = byte_chr(buf + start, n - start, '\n');
  *line = buf + start;
  *len = i;
  *pos = start + i + (start + i < n ? 1 : 0);
  return true;
}

int dotqmail_classify(const char* line, size_t len, const char** arg,
                      size_t* arglen) {
  while (len && (line[len - 1] == ' ' || line[len - 1] == '\t')) --len;
  *arg = line;
  *arglen = len;
  if (len == 0) return kDqBlank;
  switch (line[0]) {
    case '#': return kDqComment;
    case '+': return kDqIgnored;
    case '|':
      *arg = line + 1;
      *arglen = len - 1;
      return kDqProgram;
    case '&':
      *arg = line + 1;
      *arglen = len - 1;
      return kDqForward;
    case '.': case '/':
      return line[len - 1] == '/' ? kDqMaildir : kDqMbox;
    default:
      return kDqForward;
  }
}
