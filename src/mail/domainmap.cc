// domainmap.cc: a chained hash table over a private copy of the list.
#include "config.h"
#include "src/mail/domainmap.h"

#include <stdlib.h>
#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/str.h"

DomainMap::DomainMap()
    : entries_(0), heads_(0), count_(0), buckets_(0) {}

DomainMap::~DomainMap() {
  free(entries_);
  free(heads_);
}

unsigned long DomainMap::hash(const char* s, size_t n) {
  unsigned long h = 5381;
  for (size_t i = 0; i < n; ++i)
    h = ((h << 5) + h) ^ (unsigned char) case_lower_char(s[i]);
  return h;
}

bool DomainMap::init(const Bytes& list, bool key_value) {
  free(entries_);
  free(heads_);
  entries_ = 0;
  heads_ = 0;
  count_ = 0;
  if (!data_.copy(list)) return false;
  size_t n = 0;
  for (size_t i = 0; i < data_.len(); ++i)
    if (data_.data()[i] == 0) ++n;
  buckets_ = 1;
  while (buckets_ < n * 2 + 1) buckets_ <<= 1;
  if (n > ((size_t) -1) / sizeof(Entry) / 4) {
    errno = ENOMEM;
    return false;
  }
  entries_ = (Entry*) malloc((n + 1) * sizeof(Entry));
  heads_ = (long*) malloc(buckets_ * sizeof(long));
  if (!entries_ || !heads_) {
    errno = ENOMEM;
    return false;
  }
  for (size_t b = 0; b < buckets_; ++b) heads_[b] = -1;
  size_t pos = 0;
  const char* p = data_.data();
  while (pos < data_.len()) {
    size_t len = strlen(p + pos);
    Entry e;
    e.key = pos;
    e.klen = len;
    e.val = pos + len;
    e.vlen = 0;
    bool keep = true;
    if (key_value) {
      size_t colon = byte_chr(p + pos, len, ':');
      if (colon == len) {
        keep = false;
      } else {
        e.klen = colon;
        e.val = pos + colon + 1;
        e.vlen = len - colon - 1;
      }
    }
    if (keep) {
      e.hash = hash(p + e.key, e.klen);
      size_t b = e.hash & (buckets_ - 1);
      // Newest first in each chain: a later duplicate shadows earlier ones.
      e.next = heads_[b];
      entries_[count_] = e;
      heads_[b] = (long) count_;
      ++count_;
    }
    pos += len + 1;
  }
  return true;
}

const char* DomainMap::find(const char* key, size_t n, size_t* vlen) const {
  if (!count_) return 0;
  unsigned long h = hash(key, n);
  for (long i = heads_[h & (buckets_ - 1)]; i != -1; i = entries_[i].next) {
    const Entry& e = entries_[i];
    if (e.hash == h && case_equal(data_.data() + e.key, e.klen, key, n)) {
      if (vlen) *vlen = e.vlen;
      return data_.data() + e.val;
    }
  }
  return 0;
}
