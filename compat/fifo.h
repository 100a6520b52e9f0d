// fifo.h: make a named pipe (mkfifo, else mknod with S_IFIFO).  Returns
// true or false with errno set.
#ifndef QM_COMPAT_FIFO_H
#define QM_COMPAT_FIFO_H

bool qm_mkfifo(const char* path, int mode);
const char* qm_fifo_method();

#endif
