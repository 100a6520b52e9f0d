// users.h: who controls a local address, from users/cdb (qmail-core §9.2),
// the in-process lookup of qmail-lspawn.
//
// users_lookup(local, n, out): local is the local part in its original
// case; the lookup lowercases it.  On 1 out holds the six fields user,
// uid, gid, homedir, dash, ext, each followed by a NUL; for a wildcard
// entry ext is the entry's ext followed by the rest of local in its
// original case.  Returns 1 found, 0 not found (users/cdb missing or no
// entry: the caller falls back to qmail-getpw), -1 error (errno; ENOMEM
// or a damaged or unreadable cdb).  Reads users/cdb relative to the
// current directory (the qmail home).  Not for signal handlers.
//
// users_fields splits such a record: fields[0..5] point into rec (which
// must end in a NUL); false if it has fewer than six fields.
#ifndef QM_MAIL_USERS_H
#define QM_MAIL_USERS_H

#include <stddef.h>

class Bytes;

int users_lookup(const char* local, size_t n, Bytes& out);
bool users_fields(const Bytes& rec, const char* fields[6]);

#endif
