// control.cc: control file readers.
#include "config.h"
#include "src/lib/control.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/scan.h"

int file_read_all(Bytes& out, const char* path) {
  out.clear();
  int fd = open_read(path);
  if (fd == -1) return errno == ENOENT ? 0 : -1;
  struct stat st;
  if (fstat(fd, &st) == 0 && st.st_size > 0 &&
      (unsigned long) st.st_size < Bytes::max_len())
    out.reserve((size_t) st.st_size);
  for (;;) {
    if (!out.reserve(4096)) break;
    ssize_t r = read(fd, out.data() + out.len(), out.capacity() - out.len() - 1);
    if (r == -1) {
      if (errno == EINTR) continue;
      break;
    }
    if (r == 0) {
      close(fd);
      return 1;
    }
    out.set_len(out.len() + (size_t) r);
  }
  int e = errno;
  close(fd);
  errno = e;
  return -1;
}

static size_t strip_trailing(const char* s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) --n;
  return n;
}

int control_read_line(Bytes& out, const char* path) {
  int r = file_read_all(out, path);
  if (r != 1) return r;
  size_t nl = 0;
  while (nl < out.len() && out.data()[nl] != '\n') ++nl;
  out.truncate(strip_trailing(out.data(), nl));
  return 1;
}

int control_read_ulong(const char* path, unsigned long* u) {
  Bytes line;
  int r = control_read_line(line, path);
  if (r != 1) return r;
  unsigned long v;
  if (!scan_ulong(line.data(), line.len(), &v)) return 0;
  *u = v;
  return 1;
}

int control_read_list(Bytes& out, const char* path) {
  Bytes raw;
  int r = file_read_all(raw, path);
  out.clear();
  if (r != 1) return r;
  const char* p = raw.data();
  size_t n = raw.len();
  size_t i = 0;
  while (i < n) {
    size_t end = i;
    while (end < n && p[end] != '\n') ++end;
    size_t len = strip_trailing(p + i, end - i);
    if (len && p[i] != '#') {
      if (!out.append(p + i, len) || !out.append_byte(0)) return -1;
    }
    i = end + 1;
  }
  return 1;
}

bool list_next(const Bytes& list, size_t* pos, const char** s, size_t* n) {
  if (*pos >= list.len()) return false;
  const char* p = list.data() + *pos;
  size_t len = strlen(p);
  *s = p;
  *n = len;
  *pos += len + 1;
  return true;
}
