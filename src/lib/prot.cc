// prot.cc: setgroups/setgid/setuid.
#include "config.h"
#include "src/lib/prot.h"

#include <sys/types.h>
#include <grp.h>
#include <unistd.h>
#include "compat/errno_compat.h"

bool prot_gid(int gid) {
#ifdef HAVE_SETGROUPS
  gid_t g = (gid_t) gid;
  // An unprivileged caller may not change groups at all; that is fine if
  // it already runs with the wanted gid (sandbox installs).
  if (setgroups(1, &g) == -1 && !(errno == EPERM && getegid() == g))
    return false;
#endif
  return setgid((gid_t) gid) == 0;
}

bool prot_uid(int uid) { return setuid((uid_t) uid) == 0; }
