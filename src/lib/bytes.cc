// bytes.cc: Bytes, the growable byte string.
#include "config.h"
#include "src/lib/bytes.h"

#include <stdlib.h>
#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/fmt.h"

Bytes::~Bytes() { free(p_); }

size_t Bytes::max_len() { return ((size_t) -1) >> kMaxShift; }

bool Bytes::reserve(size_t extra) {
  size_t limit = max_len();
  // need = len_ + extra + 1, computed without wrapping.
  if (extra > limit || len_ > limit - extra - 1) {
    errno = ENOMEM;
    return false;
  }
  size_t need = len_ + extra + 1;
  if (need <= cap_) return true;
  // Grow by an eighth plus a little, so repeated appends stay linear.
  size_t want = need + (need >> 3) + 30;
  if (want < need || want > limit) want = need;
  char* q = (char*) realloc(p_, want);
  if (!q) {
    errno = ENOMEM;
    return false;
  }
  p_ = q;
  cap_ = want;
  return true;
}

bool Bytes::append(const char* s, size_t n) {
  if (!reserve(n)) return false;
  if (n) memmove(p_ + len_, s, n);
  len_ += n;
  p_[len_] = 0;
  return true;
}

bool Bytes::append(const char* cstr) { return append(cstr, strlen(cstr)); }

bool Bytes::append_byte(char c) { return append(&c, 1); }

bool Bytes::append_ulong(unsigned long u) {
  char buf[kFmtUlong];
  return append(buf, fmt_ulong(buf, u));
}

bool Bytes::copy(const char* s, size_t n) {
  if (s >= p_ && p_ && s < p_ + cap_) {
    // Copying from inside ourselves: move within the buffer.
    memmove(p_, s, n);
    len_ = n;
    p_[len_] = 0;
    return true;
  }
  len_ = 0;
  if (p_) p_[0] = 0;
  return append(s, n);
}

bool Bytes::copy(const char* cstr) { return copy(cstr, strlen(cstr)); }

void Bytes::truncate(size_t n) {
  if (n < len_) {
    len_ = n;
    p_[len_] = 0;
  }
}

void Bytes::set_len(size_t n) {
  if (!p_ || n >= cap_) return;
  len_ = n;
  p_[len_] = 0;
}

void Bytes::reset() {
  free(p_);
  p_ = 0;
  len_ = 0;
  cap_ = 0;
}

void Bytes::swap(Bytes& other) {
  char* p = p_;
  size_t l = len_;
  size_t c = cap_;
  p_ = other.p_;
  len_ = other.len_;
  cap_ = other.cap_;
  other.p_ = p;
  other.len_ = l;
  other.cap_ = c;
}

bool Bytes::equals(const char* s, size_t n) const {
  return n == len_ && (n == 0 || memcmp(p_, s, n) == 0);
}

bool Bytes::equals(const char* cstr) const {
  return equals(cstr, strlen(cstr));
}

bool Bytes::starts_with(const char* cstr) const {
  size_t n = strlen(cstr);
  return n <= len_ && (n == 0 || memcmp(p_, cstr, n) == 0);
}

bool Bytes::has_nul() const {
  return len_ && memchr(p_, 0, len_) != 0;
}
