// io.h: buffered input and output on a file descriptor.
//
// The caller owns the buffer (usually a local array) and the fd; these
// objects never allocate or close anything.  A timeout (seconds, 0 =
// none) applies to each wait for the fd; when it expires the call fails
// with errno ETIMEDOUT.  The transfer function can be replaced (TLS puts
// its record layer here); it returns bytes moved, 0 at end of input, or
// -1 with errno.  Reads and writes retry EINTR.  Return values: bool
// calls false on error with errno set; read-like calls -1 error, 0 end of
// file, >0 success.  Safe after fork; not in signal handlers.
#ifndef QM_LIB_IO_H
#define QM_LIB_IO_H

#include <stddef.h>

class Bytes;

typedef long (*IoOp)(int fd, char* buf, size_t len, void* ctx);

// Wait until fd is readable (or writable); false with ETIMEDOUT after
// seconds (0 = forever), or another errno.
bool io_wait_read(int fd, unsigned int seconds);
bool io_wait_write(int fd, unsigned int seconds);

class Input {
 public:
  Input(int fd, char* buf, size_t size);
  void set_op(IoOp op, void* ctx) { op_ = op; ctx_ = ctx; }
  void set_timeout(unsigned int seconds) { timeout_ = seconds; }
  int fd() const { return fd_; }

  // Make at least one byte available: >0 bytes available, 0 eof, -1 error.
  long fill();
  size_t avail() const { return end_ - pos_; }
  const char* peek() const { return buf_ + pos_; }
  void skip(size_t n);

  long get(char* out, size_t n);
  int get_char(char* c);
  // Exactly n bytes: 1 done, 0 eof before n bytes, -1 error.
  int get_exact(char* out, size_t n);
  // Read through the next sep into line (cleared first).  Returns 1 for a
  // line ending in sep, 0 at end of input (line holds any unterminated
  // rest), -1 on error.  With max > 0 at most max bytes are stored; the
  // rest of an overlong line is read and dropped and 2 is returned.
  int get_line(Bytes& line, char sep, size_t max = 0);

 private:
  int fd_;
  char* buf_;
  size_t size_;
  size_t pos_;
  size_t end_;
  unsigned int timeout_;
  IoOp op_;
  void* ctx_;
  Input(const Input&);
  void operator=(const Input&);
};

class Output {
 public:
  Output(int fd, char* buf, size_t size);
  void set_op(IoOp op, void* ctx) { op_ = op; ctx_ = ctx; }
  void set_timeout(unsigned int seconds) { timeout_ = seconds; }
  int fd() const { return fd_; }

  bool put(const char* s, size_t n);
  bool puts(const char* s);
  bool put_bytes(const Bytes& b);
  bool put_ulong(unsigned long u);
  bool put_char(char c) { return put(&c, 1); }
  bool flush();
  // Bytes buffered but not yet written.
  size_t pending() const { return len_; }

 private:
  bool write_out(const char* s, size_t n);
  int fd_;
  char* buf_;
  size_t size_;
  size_t len_;
  unsigned int timeout_;
  IoOp op_;
  void* ctx_;
  Output(const Output&);
  void operator=(const Output&);
};

#endif
