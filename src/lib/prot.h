// prot.h: drop privileges.  prot_gid sets the supplementary groups to just
// gid, then the gid; prot_uid sets the uid.  Call prot_gid first (after
// setuid it would be refused).  True, or false with errno.  Safe after
// fork.
#ifndef QM_LIB_PROT_H
#define QM_LIB_PROT_H

bool prot_gid(int gid);
bool prot_uid(int uid);

#endif
