// netaddr.h: the socket-address details that differ between systems
// (BSD sa_len/sin_len fields, IPv6 presence, IPV6_V6ONLY, how to list the
// interface addresses), behind one small interface used by src/lib/net.
// Addresses are 16 bytes, IPv4 as ::ffff:a.b.c.d (see src/lib/net.h).
// Nothing here allocates except qm_if_addrs (the system's own list, freed
// before return).  Safe after fork.
#ifndef QM_COMPAT_NETADDR_H
#define QM_COMPAT_NETADDR_H

#include "config.h"

#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

union QmSockAddr {
  struct sockaddr sa;
  struct sockaddr_in in4;
#ifdef QM_IPV6
  struct sockaddr_in6 in6;
#endif
};

// Socket family for an address (AF_INET for IPv4-mapped), or -1 with
// errno EAFNOSUPPORT when the build lacks IPv6.
int qm_family(const char ip[16]);
// Fill a; returns its length, or 0 with errno EAFNOSUPPORT.  scope is
// the IPv6 interface index (link-local addresses), ignored for IPv4 and
// where sin6_scope_id does not exist.
qm_socklen qm_sockaddr_set(QmSockAddr* a, const char ip[16], unsigned int port,
                           unsigned int scope = 0);
// Read a back; false with errno EAFNOSUPPORT for other families.  scope
// (if not 0) gets the interface index, 0 when there is none.
bool qm_sockaddr_get(const QmSockAddr* a, char ip[16], unsigned int* port,
                     unsigned int* scope = 0);
// Interface name <-> index (if_nametoindex); 0 / false with errno ENXIO
// when unknown or unsupported.  name has room for kQmIfNameMax bytes
// including the NUL.
enum { kQmIfNameMax = 64 };
unsigned int qm_if_index(const char* name);
bool qm_if_name(unsigned int index, char name[kQmIfNameMax]);
// IPV6_V6ONLY where the system has it; true (nothing to do) elsewhere
// and on IPv4 sockets.
bool qm_v6only(int fd, bool on);
// Call fn for the address of every interface that is up; false with
// errno set if the list cannot be read.
typedef void (*QmIfAddrFn)(void* ctx, const char ip[16]);
bool qm_if_addrs(QmIfAddrFn fn, void* ctx);

#endif
