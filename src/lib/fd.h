// fd.h: file descriptor helpers.
//
// The open_* calls return an fd or -1 with errno set, retrying EINTR;
// every fd they return is close-on-exec unless noted, so children see
// only what we pass on purpose.  fd_move/fd_copy put an fd at a given
// number (for the fixed descriptors of qmail's pipe protocols).
// read_full/write_all loop over short counts and EINTR.  file_commit is
// the crash-safe end of writing a new file: fsync, close (NFS reports
// errors late, there), rename over the target.  Everything here is safe
// after fork; nothing allocates.
#ifndef QM_LIB_FD_H
#define QM_LIB_FD_H

#include <stddef.h>

int open_read(const char* path);
int open_write(const char* path);                 // existing file, O_WRONLY
int open_append(const char* path);                // O_WRONLY|O_APPEND|O_CREAT 0600
int open_trunc(const char* path, int mode);       // O_WRONLY|O_CREAT|O_TRUNC
int open_excl(const char* path, int mode);        // O_WRONLY|O_CREAT|O_EXCL

bool fd_move(int to, int from);   // dup2 + close(from); no-op if equal
bool fd_copy(int to, int from);   // dup2
bool fd_coe(int fd);              // set close-on-exec
bool fd_nocoe(int fd);            // clear close-on-exec
bool fd_ndelay_on(int fd);        // O_NONBLOCK
bool fd_ndelay_off(int fd);

// Returns bytes read (< n only at end of file) or -1.
long read_full(int fd, char* buf, size_t n);
bool write_all(int fd, const char* buf, size_t n);
bool write_cstr(int fd, const char* s);

bool file_commit(int fd, const char* tmp, const char* target);

#endif
