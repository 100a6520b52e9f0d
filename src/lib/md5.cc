// md5.cc: MD5 as specified in RFC 1321, written from the RFC's
// description (four rounds of sixteen steps over 512-bit blocks).
#include "config.h"
#include "src/lib/md5.h"

#include <string.h>

// Per-step left rotations, four for each round.
static const unsigned char kShift[4][4] = {
  {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

// T[i] = floor(2^32 * |sin(i + 1)|), RFC 1321 section 3.4.
static const qm_uint32 kSine[64] = {
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
  0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
  0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
  0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
  0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
  0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

static qm_uint32 rotl(qm_uint32 x, unsigned int s) {
  x &= 0xffffffffUL;
  return ((x << s) | (x >> (32 - s))) & 0xffffffffUL;
}

static void transform(qm_uint32 st[4], const unsigned char* p) {
  qm_uint32 x[16];
  for (int i = 0; i < 16; ++i)
    x[i] = (qm_uint32) p[4 * i] | ((qm_uint32) p[4 * i + 1] << 8) |
           ((qm_uint32) p[4 * i + 2] << 16) | ((qm_uint32) p[4 * i + 3] << 24);
  qm_uint32 a = st[0], b = st[1], c = st[2], d = st[3];
  for (int i = 0; i < 64; ++i) {
    qm_uint32 f;
    int k;
    int round = i / 16;
    // Each round has its own boolean function and message word order.
    if (round == 0) {
      f = (b & c) | (~b & d);
      k = i;
    } else if (round == 1) {
      f = (b & d) | (c & ~d);
      k = (5 * i + 1) & 15;
    } else if (round == 2) {
      f = b ^ c ^ d;
      k = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      k = (7 * i) & 15;
    }
    qm_uint32 t = d;
    d = c;
    c = b;
    b = (b + rotl(a + f + kSine[i] + x[k], kShift[round][i & 3])) &
        0xffffffffUL;
    a = t;
  }
  st[0] = (st[0] + a) & 0xffffffffUL;
  st[1] = (st[1] + b) & 0xffffffffUL;
  st[2] = (st[2] + c) & 0xffffffffUL;
  st[3] = (st[3] + d) & 0xffffffffUL;
  md5_wipe(x, sizeof x);
}

void md5_init(Md5* c) {
  c->state[0] = 0x67452301;
  c->state[1] = 0xefcdab89;
  c->state[2] = 0x98badcfe;
  c->state[3] = 0x10325476;
  c->count_lo = 0;
  c->count_hi = 0;
}

void md5_update(Md5* c, const char* s, size_t n) {
  const unsigned char* p = (const unsigned char*) s;
  while (n) {
    size_t have = c->count_lo & 63;
    size_t k = 64 - have;
    if (k > n) k = n;
    memcpy(c->block + have, p, k);
    qm_uint32 lo = (c->count_lo + (qm_uint32) k) & 0xffffffffUL;
    if (lo < c->count_lo) c->count_hi = (c->count_hi + 1) & 0xffffffffUL;
    c->count_lo = lo;
    p += k;
    n -= k;
    if (have + k == 64) transform(c->state, c->block);
  }
}

static void put_le(unsigned char* out, qm_uint32 u) {
  out[0] = (unsigned char) (u & 255);
  out[1] = (unsigned char) ((u >> 8) & 255);
  out[2] = (unsigned char) ((u >> 16) & 255);
  out[3] = (unsigned char) ((u >> 24) & 255);
}

void md5_final(Md5* c, unsigned char digest[kMd5Len]) {
  // The length is appended in bits, as a 64-bit little-endian number.
  unsigned char bits[8];
  put_le(bits, (c->count_lo << 3) & 0xffffffffUL);
  put_le(bits + 4, ((c->count_hi << 3) | (c->count_lo >> 29)) & 0xffffffffUL);
  static const char kPad[64] = {(char) 0x80};
  size_t have = c->count_lo & 63;
  md5_update(c, kPad, have < 56 ? 56 - have : 120 - have);
  md5_update(c, (const char*) bits, 8);
  for (int i = 0; i < 4; ++i) put_le(digest + 4 * i, c->state[i]);
  md5_wipe(c, sizeof *c);
}

void md5_hmac(const char* key, size_t klen, const char* text, size_t tlen,
              unsigned char digest[kMd5Len]) {
  unsigned char k[64];
  unsigned char kd[kMd5Len];
  Md5 c;
  memset(k, 0, sizeof k);
  // Keys longer than the block are replaced by their digest (RFC 2104).
  if (klen > 64) {
    md5_init(&c);
    md5_update(&c, key, klen);
    md5_final(&c, kd);
    memcpy(k, kd, kMd5Len);
  } else {
    memcpy(k, key, klen);
  }
  unsigned char pad[64];
  for (int i = 0; i < 64; ++i) pad[i] = (unsigned char) (k[i] ^ 0x36);
  md5_init(&c);
  md5_update(&c, (const char*) pad, 64);
  md5_update(&c, text, tlen);
  md5_final(&c, kd);
  for (int i = 0; i < 64; ++i) pad[i] = (unsigned char) (k[i] ^ 0x5c);
  md5_init(&c);
  md5_update(&c, (const char*) pad, 64);
  md5_update(&c, (const char*) kd, kMd5Len);
  md5_final(&c, digest);
  md5_wipe(k, sizeof k);
  md5_wipe(pad, sizeof pad);
  md5_wipe(kd, sizeof kd);
}

void md5_hex(char* out, const unsigned char digest[kMd5Len]) {
  static const char kHex[] = "0123456789abcdef";
  for (int i = 0; i < kMd5Len; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
}

void md5_wipe(void* p, size_t n) {
  // Through a volatile pointer so the compiler cannot drop the stores.
  volatile unsigned char* v = (volatile unsigned char*) p;
  while (n--) *v++ = 0;
}
