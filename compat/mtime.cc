// mtime.cc: utimes or utime.
#include "config.h"
#include "compat/mtime.h"

#include <sys/types.h>
#include <sys/time.h>
#include <utime.h>

bool qm_set_mtime(const char* path, unsigned long when) {
#ifdef HAVE_UTIMES
  struct timeval tv[2];
  tv[0].tv_sec = (time_t) when;
  tv[0].tv_usec = 0;
  tv[1] = tv[0];
  return utimes(path, tv) == 0;
#else
  struct utimbuf ub;
  ub.actime = (time_t) when;
  ub.modtime = (time_t) when;
  return utime(path, &ub) == 0;
#endif
}
