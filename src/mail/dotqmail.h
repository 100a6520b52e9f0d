// dotqmail.h: the pieces of dot-qmail(5) handling that need no system
// calls (spec qmail-core §10.3, §10.5), kept apart from qmail-local so
// they can be tested with hostile input.
//
// dotqmail_safeext: ext lowercased (ASCII) with every '.' made ':'.
//
// DotQmailSearch yields the candidate file names for an address in
// qmail's order: ".qmail<dash><safeext>", then for each p from the end of
// safeext towards its start, where p == 0 or safeext[p-1] == '-',
// ".qmail<dash><safeext[0..p)>default".  For a default candidate
// default_at() is p (the offset in ext where $DEFAULT starts), else -1.
//
// dotqmail_next_line walks a file buffer line by line (a missing final
// newline is supplied); dotqmail_classify strips trailing spaces and tabs
// and says what kind of instruction the line is, with its argument (the
// command without '|', the address without '&', the path).
//
// All functions return false only on ENOMEM; memory belongs to the
// caller's Bytes.  Pure; safe after fork.
#ifndef QM_MAIL_DOTQMAIL_H
#define QM_MAIL_DOTQMAIL_H

#include <stddef.h>
#include "src/lib/bytes.h"

bool dotqmail_safeext(Bytes& out, const char* ext, size_t n);

class DotQmailSearch {
 public:
  DotQmailSearch(const char* dash, const Bytes& safeext)
      : dash_(dash), safeext_(safeext), state_(0), pos_(0), at_(-1) {}
  // false at the end (or with errno ENOMEM: check *nomem).
  bool next(Bytes& name, bool* nomem);
  long default_at() const { return at_; }

 private:
  const char* dash_;
  const Bytes& safeext_;
  int state_;
  size_t pos_;
  long at_;
  DotQmailSearch(const DotQmailSearch&);
  void operator=(const DotQmailSearch&);
};

enum DotQmailKind {
  kDqBlank,     // empty after trimming
  kDqComment,   // '#'
  kDqIgnored,   // '+' (1.03 ignores it)
  kDqProgram,   // '|command'
  kDqForward,   // '&address' or a bare address
  kDqMaildir,   // '.' or '/' ... ending in '/'
  kDqMbox       // '.' or '/' ... otherwise
};

// Next line of buf[0..n) starting at *pos; false when *pos == n.  *line,
// *len: the line without its '\n'.
bool dotqmail_next_line(const char* buf, size_t n, size_t* pos,
                        const char** line, size_t* len);
int dotqmail_classify(const char* line, size_t len, const char** arg,
                      size_t* arglen);

#endif
