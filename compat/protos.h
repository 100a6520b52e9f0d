// protos.h: declarations the host headers may lack (SunOS 4 K&R headers).
// Included by library files that need them; declares nothing the host
// already declares.
#ifndef QM_COMPAT_PROTOS_H
#define QM_COMPAT_PROTOS_H

#include <unistd.h>

#if defined(HAVE_DECL_ENVIRON) && !HAVE_DECL_ENVIRON
extern "C" {
extern char** environ;
}
#endif

#endif
