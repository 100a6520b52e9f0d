// cdbmake.cc: cdb writer (format and placement rules in spec/cdb.md §4).
#include "config.h"
#include "src/lib/cdbmake.h"

#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/cdb.h"
#include "src/lib/fd.h"

static const unsigned long kMaxPos = 0xffffffffUL;

CdbMake::CdbMake()
    : recs_(0), count_(0), cap_(0), pos_(0), fd_(-1), blen_(0) {}

CdbMake::~CdbMake() { free(recs_); }

bool CdbMake::flush() {
  if (!blen_) return true;
  size_t n = blen_;
  blen_ = 0;
  return write_all(fd_, buf_, n);
}

bool CdbMake::put(const char* s, size_t n) {
  while (n) {
    if (blen_ == sizeof buf_ && !flush()) return false;
    size_t k = sizeof buf_ - blen_;
    if (k > n) k = n;
    memcpy(buf_ + blen_, s, k);
    blen_ += k;
    s += k;
    n -= k;
  }
  return true;
}

bool CdbMake::start(int fd) {
  fd_ = fd;
  count_ = 0;
  blen_ = 0;
  pos_ = 2048;
  // Placeholder header; finish() seeks back and writes the real one.
  char zero[256];
  memset(zero, 0, sizeof zero);
  for (int i = 0; i < 8; ++i)
    if (!put(zero, sizeof zero)) return false;
  return true;
}

bool CdbMake::grow() {
  if (count_ < cap_) return true;
  size_t limit = ((size_t) -1) / sizeof(Slot) / 2;
  size_t cap = cap_ ? cap_ * 2 : 256;
  if (cap_ > limit / 2 || cap > limit) {
    errno = ENOMEM;
    return false;
  }
  Slot* r = (Slot*) realloc(recs_, cap * sizeof(Slot));
  if (!r) {
    errno = ENOMEM;
    return false;
  }
  recs_ = r;
  cap_ = cap;
  return true;
}

bool CdbMake::add(const char* key, size_t klen, const char* data,
                  size_t dlen) {
  // The record must end at or below 4 GiB - 1, and every record adds 16
  // bytes of table later; refuse now rather than write a file that wraps.
  if (klen > kMaxPos || dlen > kMaxPos || 8 > kMaxPos - pos_ ||
      klen > kMaxPos - pos_ - 8 || dlen > kMaxPos - pos_ - 8 - klen ||
      count_ >= 0x0fffffffUL) {
    errno = ENOMEM;
    return false;
  }
  if (!grow()) return false;
  char head[8];
  qm_uint32_pack(head, (qm_uint32) klen);
  qm_uint32_pack(head + 4, (qm_uint32) dlen);
  if (!put(head, 8) || !put(key, klen) || !put(data, dlen)) return false;
  recs_[count_].hash = cdb_hash(key, klen);
  recs_[count_].pos = (qm_uint32) pos_;
  ++count_;
  pos_ += 8 + klen + dlen;
  return true;
}

bool CdbMake::finish() {
  // Tables follow the records: 16 bytes per record in all.
  if ((unsigned long) count_ > (kMaxPos - pos_) / 16) {
    errno = ENOMEM;
    return false;
  }
  size_t per[256];
  memset(per, 0, sizeof per);
  size_t maxn = 0;
  for (size_t i = 0; i < count_; ++i) ++per[recs_[i].hash & 255];
  for (int t = 0; t < 256; ++t)
    if (per[t] > maxn) maxn = per[t];

  // One scratch table big enough for the largest, plus a bucketed copy of
  // the records so that each table is filled in insertion order.
  Slot* table = (Slot*) malloc((2 * maxn + 1) * sizeof(Slot));
  Slot* sorted = (Slot*) malloc((count_ + 1) * sizeof(Slot));
  size_t start[256];
  if (!table || !sorted) {
    free(table);
    free(sorted);
    errno = ENOMEM;
    return false;
  }
  size_t acc = 0;
  for (int t = 0; t < 256; ++t) {
    start[t] = acc;
    acc += per[t];
  }
  size_t fillpos[256];
  memcpy(fillpos, start, sizeof fillpos);
  for (size_t i = 0; i < count_; ++i)
    sorted[fillpos[recs_[i].hash & 255]++] = recs_[i];

  char header[2048];
  bool ok = true;
  for (int t = 0; t < 256 && ok; ++t) {
    size_t n = per[t] * 2;
    qm_uint32_pack(header + 8 * t, (qm_uint32) pos_);
    qm_uint32_pack(header + 8 * t + 4, (qm_uint32) n);
    for (size_t s = 0; s < n; ++s) {
      table[s].hash = 0;
      table[s].pos = 0;
    }
    for (size_t i = 0; i < per[t]; ++i) {
      const Slot& r = sorted[start[t] + i];
      size_t s = (r.hash >> 8) % n;
      while (table[s].pos) s = (s + 1 == n) ? 0 : s + 1;
      table[s] = r;
    }
    for (size_t s = 0; s < n && ok; ++s) {
      char b[8];
      qm_uint32_pack(b, table[s].hash);
      qm_uint32_pack(b + 4, table[s].pos);
      ok = put(b, 8);
    }
    pos_ += 8 * n;
  }
  free(table);
  free(sorted);
  if (!ok || !flush()) return false;
  if (lseek(fd_, 0, SEEK_SET) == (off_t) -1) return false;
  return write_all(fd_, header, sizeof header);
}
