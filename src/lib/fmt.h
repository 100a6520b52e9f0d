// fmt.h: format numbers into caller buffers.
//
// Each function writes at most the documented number of bytes to s and
// returns the count; with s == 0 it only returns the count.  No NUL is
// written.  kFmtUlong is enough for any unsigned long (up to 64 bits).
// Safe in signal handlers.
#ifndef QM_LIB_FMT_H
#define QM_LIB_FMT_H

#include <stddef.h>

enum { kFmtUlong = 40 };

size_t fmt_ulong(char* s, unsigned long u);
// Decimal, zero-padded on the left to at least width digits.
size_t fmt_ulong0(char* s, unsigned long u, unsigned int width);
// Lowercase hexadecimal.
size_t fmt_xlong(char* s, unsigned long u);
// Octal, zero-padded to at least width digits (modes: 0644).
size_t fmt_olong0(char* s, unsigned long u, unsigned int width);

#endif
