// scan.h: read numbers from the front of byte strings.
//
// Each scan function reads a leading run of digits from s (at most n
// bytes), stores the value in *u and returns the number of bytes used.
// It returns 0 (and leaves *u alone) when there is no digit or when the
// value does not fit: an overlong number is refused, never wrapped.  The
// _cstr forms take NUL-terminated strings.  Safe in signal handlers.
#ifndef QM_LIB_SCAN_H
#define QM_LIB_SCAN_H

#include <stddef.h>

size_t scan_ulong(const char* s, size_t n, unsigned long* u);
size_t scan_ulong_cstr(const char* s, unsigned long* u);
size_t scan_uint_cstr(const char* s, unsigned int* u);
size_t scan_xlong(const char* s, size_t n, unsigned long* u);
size_t scan_olong(const char* s, size_t n, unsigned long* u);
// The whole string must be a decimal number.
bool scan_ulong_all(const char* s, size_t n, unsigned long* u);

#endif
