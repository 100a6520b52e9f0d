// md5.h: the MD5 message digest (RFC 1321) and HMAC-MD5 (RFC 2104), for
// APOP (RFC 1939) and CRAM-MD5 (RFC 2195).  Md5 is plain data: init(),
// any number of update() calls, then final() writes the 16-byte digest.
// md5_hex writes 32 lower-case hex digits (no NUL).  Nothing allocates;
// safe after fork and in signal handlers.  The caller wipes any secret
// it fed in (md5_wipe clears a context or buffer).
#ifndef QM_LIB_MD5_H
#define QM_LIB_MD5_H

#include <stddef.h>
#include "compat/uint32.h"

enum { kMd5Len = 16, kMd5HexLen = 32 };

struct Md5 {
  qm_uint32 state[4];
  qm_uint32 count_lo;   // bytes hashed so far, low and high words
  qm_uint32 count_hi;
  unsigned char block[64];
};

void md5_init(Md5* c);
void md5_update(Md5* c, const char* s, size_t n);
void md5_final(Md5* c, unsigned char digest[kMd5Len]);

void md5_hmac(const char* key, size_t klen, const char* text, size_t tlen,
              unsigned char digest[kMd5Len]);
void md5_hex(char* out, const unsigned char digest[kMd5Len]);
void md5_wipe(void* p, size_t n);

#endif
