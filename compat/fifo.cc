// fifo.cc: mkfifo or mknod.
#include "config.h"
#include "compat/fifo.h"

#include <sys/types.h>
#include <sys/stat.h>

#ifdef HAVE_MKFIFO
bool qm_mkfifo(const char* path, int mode) {
  return mkfifo(path, (mode_t) mode) == 0;
}
const char* qm_fifo_method() { return "mkfifo"; }
#else
bool qm_mkfifo(const char* path, int mode) {
  return mknod(path, (mode_t) (S_IFIFO | mode), 0) == 0;
}
const char* qm_fifo_method() { return "mknod"; }
#endif
