// sync.h: force file data (and directories) to disk.  qm_fsync is the
// full fsync; qm_fdatasync may skip metadata where the system has
// fdatasync.  Both true or false with errno set.  qm_fsync_dir opens a
// directory and fsyncs it, so a new or renamed entry survives a crash
// (filesystems that refuse fsync on a directory with EINVAL/EBADF/EISDIR
// count as success: they order directory updates themselves).
#ifndef QM_COMPAT_SYNC_H
#define QM_COMPAT_SYNC_H

bool qm_fsync(int fd);
bool qm_fdatasync(int fd);
bool qm_fsync_dir(const char* dir);

#endif
