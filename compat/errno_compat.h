// errno_compat.h: the one place that brings errno into scope.
//
// Always <errno.h>.  Only a host whose header does not declare errno at all
// (configure: HAVE_DECL_ERRNO == 0) gets a declaration here; everywhere
// else (glibc, where errno is a thread-local macro) declaring it by hand
// breaks the link.  No other file may declare errno.
#ifndef QM_COMPAT_ERRNO_COMPAT_H
#define QM_COMPAT_ERRNO_COMPAT_H

#include <errno.h>

#if defined(HAVE_DECL_ERRNO) && !HAVE_DECL_ERRNO && !defined(errno)
extern int errno;
#endif

#ifndef EPROTO
#define EPROTO EINTR
#endif

#endif
