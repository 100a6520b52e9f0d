// bytes.h: a growable byte string with an explicit length.
//
// Outside data always lives in a Bytes.  The object owns its buffer
// (malloc'd, freed in the destructor) and keeps a NUL after the last byte,
// so c_str() can be handed to system calls; the NUL is not counted in
// len() and data may contain NULs of its own.  Every size computation is
// checked: a request that would not fit in size_t (or exceeds kMax) fails
// with errno ENOMEM and leaves the contents unchanged, so a length near
// 2^32 on a 32-bit build is refused, never wrapped.  Every method that can
// allocate returns false on failure; callers treat that as a temporary
// error (111).  Not copyable; not for signal handlers.
#ifndef QM_LIB_BYTES_H
#define QM_LIB_BYTES_H

#include <stddef.h>

class Bytes {
 public:
  // Largest length a Bytes will hold: half the address space, so that
  // pointer differences never overflow.
  enum { kMaxShift = 1 };

  Bytes() : p_(0), len_(0), cap_(0) {}
  ~Bytes();

  static size_t max_len();

  // Make room for len() + extra bytes (plus the terminating NUL).
  bool reserve(size_t extra);
  bool append(const char* s, size_t n);
  bool append(const char* cstr);
  bool append(const Bytes& b) { return append(b.p_, b.len_); }
  bool append_byte(char c);
  bool append_ulong(unsigned long u);
  bool copy(const char* s, size_t n);
  bool copy(const char* cstr);
  bool copy(const Bytes& b) { return copy(b.p_, b.len_); }

  // Shorten to n bytes (no-op if n >= len()).
  void truncate(size_t n);
  void clear() { truncate(0); }
  // Release the buffer.
  void reset();
  void swap(Bytes& other);
  // Set the length after writing directly into the reserved space.
  void set_len(size_t n);

  size_t len() const { return len_; }
  bool empty() const { return len_ == 0; }
  size_t capacity() const { return cap_; }
  char* data() { return p_; }
  const char* data() const { return p_; }
  const char* c_str() const { return p_ ? p_ : ""; }
  char last() const { return len_ ? p_[len_ - 1] : 0; }

  bool equals(const char* s, size_t n) const;
  bool equals(const char* cstr) const;
  bool starts_with(const char* cstr) const;
  // True if the bytes contain a NUL (unsafe as a C string).
  bool has_nul() const;

 private:
  char* p_;
  size_t len_;
  size_t cap_;
  Bytes(const Bytes&);
  void operator=(const Bytes&);
};

#endif
