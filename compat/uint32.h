// uint32.h: an unsigned type of exactly 32 bits, chosen from the sizes
// configure measured (no <stdint.h>: Solaris before 10 has none), and the
// little-endian byte packing that cdb and the tcpto table use.  Safe
// anywhere, including signal handlers.
#ifndef QM_COMPAT_UINT32_H
#define QM_COMPAT_UINT32_H

#if SIZEOF_UNSIGNED_INT == 4
typedef unsigned int qm_uint32;
#elif SIZEOF_UNSIGNED_LONG == 4
typedef unsigned long qm_uint32;
#else
#error "no 32-bit unsigned type"
#endif

inline void qm_uint32_pack(char* s, qm_uint32 u) {
  s[0] = (char) (u & 255);
  s[1] = (char) ((u >> 8) & 255);
  s[2] = (char) ((u >> 16) & 255);
  s[3] = (char) ((u >> 24) & 255);
}

inline qm_uint32 qm_uint32_unpack(const char* s) {
  const unsigned char* u = (const unsigned char*) s;
  return (qm_uint32) u[0] | ((qm_uint32) u[1] << 8) |
         ((qm_uint32) u[2] << 16) | ((qm_uint32) u[3] << 24);
}

#endif
