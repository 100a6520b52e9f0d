// msg.h: the diagnostics convention, one line on descriptor 2:
//   prog: fatal: text[: errtext]
//   prog: warning: text[: errtext]
//   prog: usage: synopsis
// The program name comes from msg_init (a pointer kept as-is; pass a
// string literal).  Up to six text pieces are concatenated; the _sys forms
// append ": " and errstr(errno).  Unprintable bytes are not cleaned here:
// pass untrusted text through msg_clean first.  These functions only
// print; choosing the exit code and exiting is the program's job (its
// die_* helpers).  Each line goes out in one write(2); safe after fork.
#ifndef QM_LIB_MSG_H
#define QM_LIB_MSG_H

#include <stddef.h>

class Bytes;

void msg_init(const char* progname);
const char* msg_prog();

void msg_fatal(const char* a, const char* b = 0, const char* c = 0,
               const char* d = 0, const char* e = 0, const char* f = 0);
void msg_fatal_sys(const char* a, const char* b = 0, const char* c = 0,
                   const char* d = 0, const char* e = 0, const char* f = 0);
void msg_warn(const char* a, const char* b = 0, const char* c = 0,
              const char* d = 0, const char* e = 0, const char* f = 0);
void msg_warn_sys(const char* a, const char* b = 0, const char* c = 0,
                  const char* d = 0, const char* e = 0, const char* f = 0);
void msg_usage(const char* synopsis);
// A line with the program prefix and any kind word ("alert", "info").
void msg_line(const char* kind, const char* a, const char* b = 0,
              const char* c = 0, const char* d = 0, const char* e = 0,
              const char* f = 0, bool with_errno = false);

// Copy s into out, replacing bytes outside 32..126 with '?' (for log
// lines carrying untrusted text).  False when out of memory.
bool msg_clean(Bytes& out, const char* s, size_t n);

#endif
