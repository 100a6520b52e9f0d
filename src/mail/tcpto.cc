// tcpto.cc: queue/lock/tcpto records.
#include "config.h"
#include "src/mail/tcpto.h"

#include <sys/types.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/lock.h"
#include "src/lib/fd.h"

unsigned long tcpto_rec_when(const char* rec) {
  unsigned long when = 0;
  for (int i = 11; i >= 8; --i) when = (when << 8) | (unsigned char) rec[i];
  return when;
}

static void set_when(char* rec, unsigned long when) {
  for (int i = 8; i < 12; ++i) {
    rec[i] = (char) (when & 255);
    when >>= 8;
  }
}

static int find(const char* buf, const char ip[4]) {
  for (int i = 0; i < kTcptoRecords; ++i)
    if (memcmp(buf + i * kTcptoRecSize, ip, 4) == 0) return i;
  return -1;
}

bool tcpto_buf_dead(const char* buf, const char ip[4], unsigned long now,
                    unsigned long pid, bool* seen) {
  int i = find(buf, ip);
  *seen = i >= 0;
  if (i < 0) return false;
  const char* rec = buf + i * kTcptoRecSize;
  if ((unsigned char) rec[4] < 2) return false;
  // The pid spreads retries of many qmail-remotes over half an hour.
  unsigned long when = tcpto_rec_when(rec);
  return now - when < (60 + (pid & 31)) << 6;
}

int tcpto_buf_update(char* buf, const char ip[4], bool timed_out,
                     unsigned long now) {
  int i = find(buf, ip);
  if (i >= 0) {
    char* rec = buf + i * kTcptoRecSize;
    if (!timed_out) {
      rec[4] = 0;
      return i;
    }
    // A burst of parallel deliveries to one dead host counts once.
    if (rec[4] && now - 120 < tcpto_rec_when(rec)) return -1;
    unsigned char c = (unsigned char) rec[4];
    rec[4] = (char) (c >= kTcptoMaxCount ? kTcptoMaxCount : c + 1);
    set_when(rec, now);
    return i;
  }
  if (!timed_out) return -1;
  for (i = 0; i < kTcptoRecords; ++i)
    if (!buf[i * kTcptoRecSize + 4]) break;
  if (i == kTcptoRecords) {
    // Full: replace the record whose timeouts matter least.
    unsigned long best = 0;
    for (int j = 0; j < kTcptoRecords; ++j) {
      const char* rec = buf + j * kTcptoRecSize;
      unsigned long w = tcpto_rec_when(rec) +
                        ((unsigned long) (unsigned char) rec[4] << 10);
      if (j == 0 || w < best) {
        best = w;
        i = j;
      }
    }
  }
  char* rec = buf + i * kTcptoRecSize;
  memset(rec, 0, kTcptoRecSize);
  memcpy(rec, ip, 4);
  rec[4] = 1;
  set_when(rec, now);
  return i;
}

// Open read-write when we may (fcntl locks need it), else read-only.
static int open_table(const char* path) {
  int fd;
  do {
    fd = open(path, O_RDWR);
  } while (fd == -1 && errno == EINTR);
  if (fd == -1 && (errno == EACCES || errno == EROFS)) fd = open_read(path);
  return fd;
}

static long read_table(int fd, char* buf) {
  memset(buf, 0, kTcptoSize);
  if (lseek(fd, 0, SEEK_SET) == (off_t) -1) return -1;
  return read_full(fd, buf, kTcptoSize);
}

bool tcpto_read(const char* path, char* buf, int* stage) {
  *stage = 0;
  int fd = open_table(path);
  if (fd == -1) return false;
  *stage = 1;
  bool ok = qm_lock_ex(fd);
  if (ok) {
    *stage = 2;
    ok = read_table(fd, buf) >= 0;
  }
  int e = errno;
  close(fd);
  errno = e;
  return ok;
}

bool tcpto_dead(const char* path, const char ip[4], unsigned long now,
                unsigned long pid, bool* seen) {
  char buf[kTcptoSize];
  int stage;
  *seen = false;
  if (!tcpto_read(path, buf, &stage)) return false;
  return tcpto_buf_dead(buf, ip, now, pid, seen);
}

void tcpto_record(const char* path, const char ip[4], bool timed_out,
                  bool seen, unsigned long now) {
  if (!timed_out && !seen) return;
  int fd;
  do {
    fd = open(path, O_RDWR);
  } while (fd == -1 && errno == EINTR);
  if (fd == -1) return;
  char buf[kTcptoSize];
  if (qm_lock_ex(fd) && read_table(fd, buf) >= 0) {
    int i = tcpto_buf_update(buf, ip, timed_out, now);
    if (i >= 0 && lseek(fd, (off_t) i * kTcptoRecSize, SEEK_SET) != (off_t) -1)
      write_all(fd, buf + i * kTcptoRecSize, kTcptoRecSize);
  }
  close(fd);
}

bool tcpto_zero_fd(int fd) {
  char buf[kTcptoSize];
  memset(buf, 0, sizeof buf);
  if (lseek(fd, 0, SEEK_SET) == (off_t) -1) return false;
  return write_all(fd, buf, sizeof buf);
}
