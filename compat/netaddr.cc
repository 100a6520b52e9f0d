// netaddr.cc: sockaddr conversion and interface listing per platform.
#include "config.h"
#include "compat/netaddr.h"

#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <net/if.h>
#ifdef HAVE_IFADDRS_H
#include <ifaddrs.h>
#endif
#ifdef HAVE_SYS_SOCKIO_H
#include <sys/sockio.h>
#endif
#include "compat/errno_compat.h"

static const char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (char) 0xff,
                                 (char) 0xff};

int qm_family(const char ip[16]) {
  if (memcmp(ip, kMapped, 12) == 0) return AF_INET;
#ifdef QM_IPV6
  return AF_INET6;
#else
  errno = EAFNOSUPPORT;
  return -1;
#endif
}

qm_socklen qm_sockaddr_set(QmSockAddr* a, const char ip[16],
                           unsigned int port, unsigned int scope) {
  memset(a, 0, sizeof *a);
  int fam = qm_family(ip);
  if (fam == AF_INET) {
    a->in4.sin_family = AF_INET;
#ifdef HAVE_STRUCT_SOCKADDR_IN_SIN_LEN
    a->in4.sin_len = sizeof a->in4;
#endif
    a->in4.sin_port = htons((unsigned short) port);
    memcpy(&a->in4.sin_addr, ip + 12, 4);
    return sizeof a->in4;
  }
#ifdef QM_IPV6
  if (fam == AF_INET6) {
    a->in6.sin6_family = AF_INET6;
#ifdef HAVE_STRUCT_SOCKADDR_IN6_SIN6_LEN
    a->in6.sin6_len = sizeof a->in6;
#endif
    a->in6.sin6_port = htons((unsigned short) port);
    memcpy(&a->in6.sin6_addr, ip, 16);
#ifdef HAVE_STRUCT_SOCKADDR_IN6_SIN6_SCOPE_ID
    a->in6.sin6_scope_id = scope;
#endif
    return sizeof a->in6;
  }
#endif
  (void) scope;
  errno = EAFNOSUPPORT;
  return 0;
}

bool qm_sockaddr_get(const QmSockAddr* a, char ip[16], unsigned int* port,
                     unsigned int* scope) {
  if (scope) *scope = 0;
  if (a->sa.sa_family == AF_INET) {
    memcpy(ip, kMapped, 12);
    memcpy(ip + 12, &a->in4.sin_addr, 4);
    if (port) *port = ntohs(a->in4.sin_port);
    return true;
  }
#ifdef QM_IPV6
  if (a->sa.sa_family == AF_INET6) {
    memcpy(ip, &a->in6.sin6_addr, 16);
    if (port) *port = ntohs(a->in6.sin6_port);
#ifdef HAVE_STRUCT_SOCKADDR_IN6_SIN6_SCOPE_ID
    if (scope) *scope = a->in6.sin6_scope_id;
#endif
    return true;
  }
#endif
  errno = EAFNOSUPPORT;
  return false;
}

unsigned int qm_if_index(const char* name) {
#ifdef HAVE_IF_NAMETOINDEX
  unsigned int i = if_nametoindex(name);
  if (!i) errno = ENXIO;
  return i;
#else
  (void) name;
  errno = ENXIO;
  return 0;
#endif
}

bool qm_if_name(unsigned int index, char name[kQmIfNameMax]) {
#if defined(HAVE_IF_INDEXTONAME) && defined(IF_NAMESIZE)
  char buf[IF_NAMESIZE + kQmIfNameMax];
  if (!if_indextoname(index, buf)) {
    errno = ENXIO;
    return false;
  }
  size_t n = strlen(buf);
  if (n >= kQmIfNameMax) {
    errno = ENXIO;
    return false;
  }
  memcpy(name, buf, n + 1);
  return true;
#else
  (void) index;
  (void) name;
  errno = ENXIO;
  return false;
#endif
}

bool qm_v6only(int fd, bool on) {
#if defined(QM_IPV6) && defined(IPV6_V6ONLY)
  QmSockAddr a;
  qm_socklen n = sizeof a;
  if (getsockname(fd, &a.sa, &n) == -1) return false;
  if (a.sa.sa_family != AF_INET6) return true;
  int v = on ? 1 : 0;
  return setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, (char*) &v, sizeof v) == 0;
#else
  (void) fd;
  (void) on;
  return true;
#endif
}

// Hand one sockaddr to fn if it is an address we know.
static void report(QmIfAddrFn fn, void* ctx, const struct sockaddr* sa) {
  if (!sa) return;
  QmSockAddr a;
  memset(&a, 0, sizeof a);
  if (sa->sa_family == AF_INET)
    memcpy(&a.in4, sa, sizeof a.in4);
#ifdef QM_IPV6
  else if (sa->sa_family == AF_INET6)
    memcpy(&a.in6, sa, sizeof a.in6);
#endif
  else
    return;
  char ip[16];
  if (qm_sockaddr_get(&a, ip, 0)) fn(ctx, ip);
}

#ifdef HAVE_GETIFADDRS
bool qm_if_addrs(QmIfAddrFn fn, void* ctx) {
  struct ifaddrs* list;
  if (getifaddrs(&list) == -1) return false;
  for (struct ifaddrs* i = list; i; i = i->ifa_next)
    if (i->ifa_flags & IFF_UP) report(fn, ctx, i->ifa_addr);
  freeifaddrs(list);
  return true;
}
#else
// SIOCGIFCONF: retry with a bigger buffer until the answer leaves room,
// since a full buffer may mean a truncated list.
bool qm_if_addrs(QmIfAddrFn fn, void* ctx) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s == -1) return false;
  size_t size = 4096;
  char* buf = 0;
  struct ifconf ifc;
  for (;;) {
    char* nb = (char*) realloc(buf, size);
    if (!nb) goto fail;
    buf = nb;
    ifc.ifc_buf = buf;
    ifc.ifc_len = (int) size;
    if (ioctl(s, SIOCGIFCONF, (char*) &ifc) == 0 &&
        (size_t) ifc.ifc_len + sizeof(struct ifreq) + 64 < size)
      break;
    if (size > 1000000) {
      errno = ENOMEM;
      goto fail;
    }
    size += size;
  }
  for (char* p = buf; p < buf + ifc.ifc_len;) {
    struct ifreq* ifr = (struct ifreq*) p;
    size_t len = sizeof ifr->ifr_name + sizeof ifr->ifr_addr;
#ifdef HAVE_STRUCT_SOCKADDR_SA_LEN
    if (ifr->ifr_addr.sa_len > sizeof ifr->ifr_addr)
      len = sizeof ifr->ifr_name + ifr->ifr_addr.sa_len;
#endif
    if (p + len > buf + ifc.ifc_len) break;
    struct ifreq fl;
    memcpy(&fl, ifr, sizeof fl < len ? sizeof fl : len);
    if (ioctl(s, SIOCGIFFLAGS, (char*) &fl) == 0 && (fl.ifr_flags & IFF_UP))
      report(fn, ctx, &ifr->ifr_addr);
    p += len;
  }
  free(buf);
  close(s);
  return true;
fail:
  int e = errno;
  free(buf);
  close(s);
  errno = e;
  return false;
}
#endif
