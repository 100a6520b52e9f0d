// tzfix.cc: read TZ=value from a per-OS file when TZ is unset.
#include "config.h"
#include "compat/tzfix.h"

#include <sys/types.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "compat/errno_compat.h"

enum { kMaxFile = 4096 };

int qm_tz_from_file(const char* path) {
  const char* cur = getenv("TZ");
  if (cur && *cur) return 0;
  int fd = open(path, O_RDONLY);
  if (fd == -1) return -1;
  char buf[kMaxFile];
  size_t len = 0;
  for (;;) {
    ssize_t r = read(fd, buf + len, sizeof buf - len);
    if (r == -1) {
      if (errno == EINTR) continue;
      int e = errno;
      close(fd);
      errno = e;
      return -1;
    }
    if (r == 0) break;
    len += (size_t) r;
    if (len == sizeof buf) break;
  }
  close(fd);

  size_t i = 0;
  while (i < len) {
    size_t end = i;
    while (end < len && buf[end] != '\n') ++end;
    if (end - i > 3 && memcmp(buf + i, "TZ=", 3) == 0) {
      size_t v = i + 3;
      size_t e = end;
      while (e > v && (buf[e - 1] == ' ' || buf[e - 1] == '\t' ||
                       buf[e - 1] == '\r'))
        --e;
      if (e - v >= 2 && (buf[v] == '"' || buf[v] == '\'') &&
          buf[e - 1] == buf[v]) {
        ++v;
        --e;
      }
      if (e == v) return 0;
      char* s = (char*) malloc(3 + (e - v) + 1);
      if (!s) { errno = ENOMEM; return -1; }
      memcpy(s, "TZ=", 3);
      memcpy(s + 3, buf + v, e - v);
      s[3 + (e - v)] = 0;
      if (putenv(s) != 0) { free(s); return -1; }
      tzset();
      return 1;
    }
    i = end + 1;
  }
  return 0;
}

int qm_tz_fix() { return qm_tz_from_file(QM_TZ_FILE); }
