// cdbmake.h: write a constant database, byte-identical to the classic
// writers (cdbmake, tcprules, tinycdb's cdb -c) for the same records.
//
// Usage: start(fd) on a freshly truncated temporary file, add() each
// record in order, finish(), then file_commit() (fd.h) to fsync, close and
// rename it over the target.  Duplicate keys are kept as separate records
// in insertion order.  Any call returning false leaves errno set (ENOMEM
// also when the file would pass the 4 GiB limit of the format); the
// caller must then not rename the file.  CdbMake owns its record table
// (malloc) and its write buffer, not the fd.  Not for signal handlers.
#ifndef QM_LIB_CDBMAKE_H
#define QM_LIB_CDBMAKE_H

#include <stddef.h>
#include "compat/uint32.h"

class CdbMake {
 public:
  CdbMake();
  ~CdbMake();
  bool start(int fd);
  bool add(const char* key, size_t klen, const char* data, size_t dlen);
  bool finish();
  unsigned long records() const { return (unsigned long) count_; }

 private:
  struct Slot {
    qm_uint32 hash;
    qm_uint32 pos;
  };
  bool put(const char* s, size_t n);
  bool flush();
  bool grow();
  Slot* recs_;
  size_t count_;
  size_t cap_;
  unsigned long pos_;
  int fd_;
  size_t blen_;
  char buf_[8192];
  CdbMake(const CdbMake&);
  void operator=(const CdbMake&);
};

#endif
