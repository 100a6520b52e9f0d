// mtime.h: set a file's access and modification time (utimes, else
// utime).  qmail-send keeps retry times and message birth times in mtimes.
// True or false with errno set.
#ifndef QM_COMPAT_MTIME_H
#define QM_COMPAT_MTIME_H

bool qm_set_mtime(const char* path, unsigned long when);

#endif
