// str.h: small byte and string helpers, including ASCII case folding
// (mail domains compare case-insensitively, letters only; bytes >= 0x80
// are never folded).  Pure functions, safe anywhere.
#ifndef QM_LIB_STR_H
#define QM_LIB_STR_H

#include <stddef.h>

// Index of the first (last) c in s[0..n), or n if there is none.
size_t byte_chr(const char* s, size_t n, char c);
size_t byte_rchr(const char* s, size_t n, char c);
bool byte_equal(const char* a, const char* b, size_t n);

bool str_equal(const char* a, const char* b);
bool str_starts(const char* s, const char* prefix);
size_t str_len(const char* s);

char case_lower_char(char c);
void case_lower(char* s, size_t n);
// Case-insensitive comparison: <0, 0, >0 like memcmp on folded bytes,
// the shorter string first when one is a prefix of the other.
int case_diff(const char* a, size_t an, const char* b, size_t bn);
bool case_equal(const char* a, size_t an, const char* b, size_t bn);
bool case_equal_cstr(const char* a, const char* b);
bool case_starts(const char* s, size_t n, const char* prefix);
bool case_ends(const char* s, size_t n, const char* suffix, size_t sn);

#endif
