// cdb.cc: cdb reader.
#include "config.h"
#include "src/lib/cdb.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#endif
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"

qm_uint32 cdb_hash(const char* key, size_t len) {
  qm_uint32 h = 5381;
  for (size_t i = 0; i < len; ++i) {
    h = (h + (h << 5)) & 0xffffffffUL;
    h ^= (qm_uint32) (unsigned char) key[i];
  }
  return h;
}

Cdb::Cdb()
    : fd_(-1), map_(0), size_(0), loop_(0), hash_(0), hpos_(0), hslots_(0),
      kpos_(0), dpos_(0), dlen_(0) {}

Cdb::~Cdb() { close(); }

void Cdb::close() {
#if defined(HAVE_MMAP) && defined(HAVE_SYS_MMAN_H)
  if (map_) munmap(map_, size_);
#endif
  map_ = 0;
  size_ = 0;
  fd_ = -1;
}

bool Cdb::init(int fd) {
  close();
  fd_ = fd;
  struct stat st;
  if (fstat(fd, &st) == -1) return false;
  // Only the first 4 GiB can ever be addressed by a cdb.
  unsigned long sz = (unsigned long) st.st_size;
  if (st.st_size > 0 && sz <= 0xffffffffUL) {
    size_ = (size_t) sz;
#if defined(HAVE_MMAP) && defined(HAVE_SYS_MMAN_H)
    void* m = mmap(0, size_, PROT_READ, MAP_SHARED, fd, 0);
    if (m != MAP_FAILED) map_ = (char*) m;
#endif
  }
  return true;
}

bool Cdb::read_at(char* buf, size_t len, qm_uint32 pos) {
  // Bounds check with the subtraction on the side that cannot wrap.
  if ((size_t) pos > size_ || len > size_ - (size_t) pos) {
    errno = EPROTO;
    return false;
  }
  if (map_) {
    memcpy(buf, map_ + pos, len);
    return true;
  }
  if (lseek(fd_, (off_t) pos, SEEK_SET) == (off_t) -1) return false;
  long r = read_full(fd_, buf, len);
  if (r == -1) return false;
  if ((size_t) r != len) {
    errno = EPROTO;
    return false;
  }
  return true;
}

bool Cdb::read(char* buf, size_t len, qm_uint32 pos) {
  return read_at(buf, len, pos);
}

bool Cdb::read_data(Bytes& out) {
  out.clear();
  if (!out.reserve(dlen_)) return false;
  if (!read_at(out.data(), dlen_, dpos_)) return false;
  out.set_len(dlen_);
  return true;
}

int Cdb::match(const char* key, size_t len, qm_uint32 pos) {
  char buf[64];
  while (len) {
    size_t n = len < sizeof buf ? len : sizeof buf;
    if (!read_at(buf, n, pos)) return -1;
    if (memcmp(buf, key, n) != 0) return 0;
    pos += (qm_uint32) n;
    key += n;
    len -= n;
  }
  return 1;
}

int Cdb::find(const char* key, size_t len) {
  loop_ = 0;
  return find_next(key, len);
}

int Cdb::find_next(const char* key, size_t len) {
  char buf[8];
  if (!loop_) {
    hash_ = cdb_hash(key, len);
    if (!read_at(buf, 8, (hash_ << 3) & 2047)) return -1;
    hpos_ = qm_uint32_unpack(buf);
    hslots_ = qm_uint32_unpack(buf + 4);
    if (!hslots_) return 0;
    // A table that claims more slots than the file holds is corrupt.
    if ((size_t) hpos_ > size_ || hslots_ > (size_ - (size_t) hpos_) / 8) {
      errno = EPROTO;
      return -1;
    }
    kpos_ = hpos_ + (((hash_ >> 8) % hslots_) << 3);
  }
  while (loop_ < hslots_) {
    if (!read_at(buf, 8, kpos_)) return -1;
    qm_uint32 pos = qm_uint32_unpack(buf + 4);
    if (!pos) return 0;
    ++loop_;
    kpos_ += 8;
    if (kpos_ == hpos_ + (hslots_ << 3)) kpos_ = hpos_;
    if (qm_uint32_unpack(buf) != hash_) continue;
    if (!read_at(buf, 8, pos)) return -1;
    qm_uint32 klen = qm_uint32_unpack(buf);
    if (klen != len) continue;
    // read_at succeeded, so pos + 8 <= size_; after a match the key lies
    // inside the file too, so none of these sums can wrap.
    int m = match(key, len, pos + 8);
    if (m < 0) return -1;
    if (m == 0) continue;
    qm_uint32 dlen = qm_uint32_unpack(buf + 4);
    size_t dpos = (size_t) pos + 8 + klen;
    if (dlen > size_ - dpos) {
      errno = EPROTO;
      return -1;
    }
    dpos_ = (qm_uint32) dpos;
    dlen_ = dlen;
    return 1;
  }
  return 0;
}

int cdb_lookup_file(const char* path, const char* key, size_t len, Bytes& out,
                    bool missing_ok) {
  int fd = open_read(path);
  if (fd == -1) return (missing_ok && errno == ENOENT) ? 0 : -1;
  Cdb c;
  int r = -1;
  if (c.init(fd)) {
    r = c.find(key, len);
    if (r == 1 && !c.read_data(out)) r = -1;
  }
  int e = errno;
  c.close();
  ::close(fd);
  errno = e;
  return r;
}
