// errstr.cc: errno -> phrase table.  Entries are guarded because old
// systems lack some of the names.
#include "config.h"
#include "src/lib/errstr.h"

#include "compat/errno_compat.h"

struct ErrPhrase {
  int code;
  const char* text;
};

static const ErrPhrase kPhrases[] = {
  {EINTR, "interrupted system call"},
  {ENOMEM, "out of memory"},
  {ENOENT, "file does not exist"},
  {ETXTBSY, "text busy"},
  {EIO, "input/output error"},
  {EEXIST, "file already exists"},
  {ETIMEDOUT, "timed out"},
  {EINPROGRESS, "operation in progress"},
  {EAGAIN, "temporary failure"},
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
  {EWOULDBLOCK, "input/output would block"},
#endif
  {EPIPE, "broken pipe"},
  {EPERM, "permission denied"},
  {EACCES, "access denied"},
  {ENODEV, "device not configured"},
  {EPROTO, "protocol error"},
  {EISDIR, "is a directory"},
  {ESPIPE, "unseekable descriptor"},
  {ENXIO, "device not configured"},
  {ESRCH, "no such process"},
  {E2BIG, "argument list too long"},
  {ENOEXEC, "exec format error"},
  {EBADF, "file descriptor not open"},
  {ECHILD, "no child processes"},
#ifdef EDEADLK
  {EDEADLK, "operation would cause deadlock"},
#endif
  {EFAULT, "bad address"},
#ifdef ENOTBLK
  {ENOTBLK, "not a block device"},
#endif
  {EBUSY, "device busy"},
  {EXDEV, "cross-device link"},
  {ENOTDIR, "not a directory"},
  {EINVAL, "invalid argument"},
  {ENFILE, "system cannot open more files"},
  {EMFILE, "process cannot open more files"},
  {ENOTTY, "not a tty"},
  {EFBIG, "file too big"},
  {ENOSPC, "out of disk space"},
  {EROFS, "read-only file system"},
  {EMLINK, "too many links"},
  {EDOM, "input out of range"},
  {ERANGE, "output out of range"},
  {EALREADY, "operation already in progress"},
  {ENOTSOCK, "not a socket"},
  {EDESTADDRREQ, "destination address required"},
  {EMSGSIZE, "message too long"},
  {EPROTOTYPE, "incorrect protocol type"},
  {ENOPROTOOPT, "protocol not available"},
  {EPROTONOSUPPORT, "protocol not supported"},
#ifdef ESOCKTNOSUPPORT
  {ESOCKTNOSUPPORT, "socket type not supported"},
#endif
  {EOPNOTSUPP, "operation not supported"},
#ifdef EPFNOSUPPORT
  {EPFNOSUPPORT, "protocol family not supported"},
#endif
  {EAFNOSUPPORT, "address family not supported"},
  {EADDRINUSE, "address already used"},
  {EADDRNOTAVAIL, "address not available"},
  {ENETDOWN, "network down"},
  {ENETUNREACH, "network unreachable"},
  {ENETRESET, "network reset"},
  {ECONNABORTED, "connection aborted"},
  {ECONNRESET, "connection reset"},
  {ENOBUFS, "out of buffer space"},
  {EISCONN, "already connected"},
  {ENOTCONN, "not connected"},
#ifdef ESHUTDOWN
  {ESHUTDOWN, "socket shut down"},
#endif
#ifdef ETOOMANYREFS
  {ETOOMANYREFS, "too many references"},
#endif
  {ECONNREFUSED, "connection refused"},
  {ELOOP, "symbolic link loop"},
  {ENAMETOOLONG, "file name too long"},
#ifdef EHOSTDOWN
  {EHOSTDOWN, "host down"},
#endif
  {EHOSTUNREACH, "host unreachable"},
  {ENOTEMPTY, "directory not empty"},
#ifdef EPROCLIM
  {EPROCLIM, "too many processes"},
#endif
#ifdef EUSERS
  {EUSERS, "too many users"},
#endif
  {EDQUOT, "disk quota exceeded"},
  {ESTALE, "stale NFS file handle"},
#ifdef EREMOTE
  {EREMOTE, "too many levels of remote in path"},
#endif
#ifdef EBADRPC
  {EBADRPC, "RPC structure is bad"},
#endif
  {ENOLCK, "no locks available"},
  {ENOSYS, "system call not available"},
#ifdef ENOSTR
  {ENOSTR, "not a stream device"},
#endif
#ifdef ETIME
  {ETIME, "timer expired"},
#endif
#ifdef ENOSR
  {ENOSR, "out of stream resources"},
#endif
#ifdef ENOMSG
  {ENOMSG, "no message of desired type"},
#endif
#ifdef EBADMSG
  {EBADMSG, "bad message type"},
#endif
#ifdef EIDRM
  {EIDRM, "identifier removed"},
#endif
#ifdef ENONET
  {ENONET, "machine not on network"},
#endif
#ifdef ENOLINK
  {ENOLINK, "link severed"},
#endif
#ifdef ECOMM
  {ECOMM, "communication error"},
#endif
#ifdef EMULTIHOP
  {EMULTIHOP, "multihop attempted"},
#endif
#ifdef EREMCHG
  {EREMCHG, "remote address changed"},
#endif
  {0, 0}
};

const char* errstr(int e) {
  if (e == 0) return "no error";
  for (const ErrPhrase* p = kPhrases; p->text; ++p)
    if (p->code == e) return p->text;
  return "unknown error";
}

bool err_temporary(int e) {
  switch (e) {
    case ENOENT: case ENOTDIR: case EISDIR: case ENAMETOOLONG: case ELOOP:
    case EINVAL: case EROFS: case EPERM: case EACCES:
      return false;
    default:
      return true;
  }
}
