// cdb.h: read a constant database (D. J. Bernstein's cdb format; see
// shared/spec/cdb.md).
//
// The file is untrusted: every position and length is checked against the
// file size and arithmetic never wraps; a malformed file makes find()
// return -1 with errno EPROTO.  Cdb owns a mapping of the file (mmap where
// available, else reads through the fd) but not the fd, which the caller
// closes after close().  find() returns 1 found, 0 not found, -1 error;
// after 1, data_pos()/data_len() locate the data and read() fetches it.
// find_next() continues with the next record of the same key, in the
// order the records were added.  Not safe in signal handlers.
#ifndef QM_LIB_CDB_H
#define QM_LIB_CDB_H

#include <stddef.h>
#include "compat/uint32.h"

class Bytes;

qm_uint32 cdb_hash(const char* key, size_t len);

class Cdb {
 public:
  Cdb();
  ~Cdb();
  bool init(int fd);
  void close();

  int find(const char* key, size_t len);
  int find_next(const char* key, size_t len);
  qm_uint32 data_pos() const { return dpos_; }
  qm_uint32 data_len() const { return dlen_; }
  // Read len bytes at pos: true, or false with errno (EPROTO past the end).
  bool read(char* buf, size_t len, qm_uint32 pos);
  // The data of the last match.
  bool read_data(Bytes& out);

 private:
  bool read_at(char* buf, size_t len, qm_uint32 pos);
  int match(const char* key, size_t len, qm_uint32 pos);
  int fd_;
  char* map_;
  size_t size_;
  qm_uint32 loop_;     // slots examined so far for this key
  qm_uint32 hash_;
  qm_uint32 hpos_;     // table position
  qm_uint32 hslots_;   // slots in table
  qm_uint32 kpos_;     // next slot position
  qm_uint32 dpos_;
  qm_uint32 dlen_;
  Cdb(const Cdb&);
  void operator=(const Cdb&);
};

// Open path, look up the first record for key, copy its data into out.
// 1 found, 0 not found (or file missing when missing_ok), -1 error.
int cdb_lookup_file(const char* path, const char* key, size_t len, Bytes& out,
                    bool missing_ok);

#endif
