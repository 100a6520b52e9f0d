// lock.h: exclusive advisory locks on an open fd, through the call that
// configure chose (flock, fcntl or lockf; see QM_LOCK_METHOD).  All return
// true on success and false with errno set.  qm_lock_exnb fails with
// EAGAIN/EWOULDBLOCK/EACCES when someone else holds the lock.  fcntl and
// lockf need the fd open for writing.  Async-signal-safe.
#ifndef QM_COMPAT_LOCK_H
#define QM_COMPAT_LOCK_H

bool qm_lock_ex(int fd);
bool qm_lock_exnb(int fd);
bool qm_lock_un(int fd);
const char* qm_lock_method();

#endif
