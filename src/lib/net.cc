// net.cc: sockets over compat/netaddr; see net.h.
#include "config.h"
#include "src/lib/net.h"

#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/netaddr.h"
#include "src/lib/bytes.h"
#include "src/lib/fd.h"
#include "src/lib/poll.h"
#include "src/lib/scan.h"

const char kIp4Any[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (char) 0xff,
                          (char) 0xff, 0, 0, 0, 0};
const char kIp6Any[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
const char kIp4Loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (char) 0xff,
                               (char) 0xff, 127, 0, 0, 1};
const char kIp6Loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

bool net_has_ipv6() {
#ifdef QM_IPV6
  return true;
#else
  return false;
#endif
}

static int new_socket(const char ip[16], int type) {
  int fam = qm_family(ip);
  if (fam == -1) return -1;
  return socket(fam, type, 0);
}

int net_tcp(const char ip[16]) { return new_socket(ip, SOCK_STREAM); }
int net_udp(const char ip[16]) { return new_socket(ip, SOCK_DGRAM); }

bool net_bind(int fd, const char ip[16], unsigned int port, bool reuse) {
  return net_bind_scope(fd, ip, port, reuse, 0);
}

bool net_bind_scope(int fd, const char ip[16], unsigned int port, bool reuse,
                    unsigned int scope) {
  if (reuse) {
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, (char*) &on, sizeof on) == -1)
      return false;
  }
  QmSockAddr a;
  qm_socklen n = qm_sockaddr_set(&a, ip, port, scope);
  if (!n) return false;
  return bind(fd, &a.sa, n) == 0;
}

bool net_listen(int fd, int backlog) { return listen(fd, backlog) == 0; }

int net_accept(int fd, char ip[16], unsigned int* port) {
  return net_accept_scope(fd, ip, port, 0);
}

int net_accept_scope(int fd, char ip[16], unsigned int* port,
                     unsigned int* scope) {
  QmSockAddr a;
  qm_socklen n = sizeof a;
  int c;
  do
    c = accept(fd, &a.sa, &n);
  while (c == -1 && errno == EINTR);
  if (c == -1) return -1;
  // A listening socket may be non-blocking; the new one must not be.
  fd_ndelay_off(c);
  if (!qm_sockaddr_get(&a, ip, port, scope)) {
    memset(ip, 0, 16);
    if (port) *port = 0;
  }
  return c;
}

// Wait for a non-blocking connect to finish; the error it ended with
// comes from SO_ERROR.
static bool connect_wait(int fd, unsigned int timeout) {
  PollFd p;
  p.fd = fd;
  p.events = kPollOut;
  long ms = timeout ? (long) timeout * 1000 : -1;
  int r;
  do
    r = io_pause(&p, 1, ms);
  while (r == -1 && errno == EINTR);
  if (r == -1) return false;
  if (r == 0) {
    errno = ETIMEDOUT;
    return false;
  }
  int err = 0;
  qm_socklen n = sizeof err;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, (char*) &err, &n) == -1)
    return false;
  if (err) {
    errno = err;
    return false;
  }
  return true;
}

bool net_connect(int fd, const char ip[16], unsigned int port,
                 unsigned int timeout) {
  return net_connect_scope(fd, ip, port, timeout, 0);
}

bool net_connect_scope(int fd, const char ip[16], unsigned int port,
                       unsigned int timeout, unsigned int scope) {
  QmSockAddr a;
  qm_socklen n = qm_sockaddr_set(&a, ip, port, scope);
  if (!n) return false;
  if (!fd_ndelay_on(fd)) return false;
  bool ok = connect(fd, &a.sa, n) == 0;
  if (!ok && (errno == EINPROGRESS || errno == EINTR))
    ok = connect_wait(fd, timeout);
  int e = errno;
  if (!fd_ndelay_off(fd)) return false;
  errno = e;
  return ok;
}

int net_tcp_connect(const char ip[16], unsigned int port, const char* localip,
                    unsigned int localport, unsigned int timeout) {
  int fd = net_tcp(ip);
  if (fd == -1) return -1;
  bool ok = true;
  if (localip || localport) {
    char any[16];
    if (!localip) {
      memcpy(any, qm_family(ip) == AF_INET ? kIp4Any : kIp6Any, 16);
      localip = any;
    }
    ok = net_bind(fd, localip, localport, false);
  }
  if (ok) ok = net_connect(fd, ip, port, timeout);
  if (ok) return fd;
  int e = errno;
  close(fd);
  errno = e;
  return -1;
}

bool net_local(int fd, char ip[16], unsigned int* port) {
  QmSockAddr a;
  qm_socklen n = sizeof a;
  if (getsockname(fd, &a.sa, &n) == -1) return false;
  return qm_sockaddr_get(&a, ip, port);
}

bool net_remote(int fd, char ip[16], unsigned int* port) {
  QmSockAddr a;
  qm_socklen n = sizeof a;
  if (getpeername(fd, &a.sa, &n) == -1) return false;
  return qm_sockaddr_get(&a, ip, port);
}

bool net_send(int fd, const char* buf, size_t n, const char ip[16],
              unsigned int port) {
  QmSockAddr a;
  qm_socklen len = qm_sockaddr_set(&a, ip, port);
  if (!len) return false;
  return sendto(fd, buf, n, 0, &a.sa, len) == (ssize_t) n;
}

long net_recv(int fd, char* buf, size_t n, char ip[16], unsigned int* port) {
  QmSockAddr a;
  qm_socklen len = sizeof a;
  ssize_t r = recvfrom(fd, buf, n, 0, &a.sa, &len);
  if (r == -1) return -1;
  if (!qm_sockaddr_get(&a, ip, port)) return -1;
  return (long) r;
}

bool net_v6only(int fd, bool on) { return qm_v6only(fd, on); }

unsigned int net_if_index(const char* name) { return qm_if_index(name); }

bool net_if_name(unsigned int index, char name[kIfNameMax]) {
  return qm_if_name(index, name);
}

bool net_nodelay(int fd) {
  int on = 1;
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, (char*) &on, sizeof on) == 0;
}

bool net_ipoptionskill(int fd) {
  char ip[16];
  if (!net_local(fd, ip, 0)) return false;
  if (!ip_is_v4(ip)) return true;
  return setsockopt(fd, IPPROTO_IP, IP_OPTIONS, (char*) 0, 0) == 0;
}

// ipme collection: ctx is the output plus a sticky failure flag.
struct IpmeCtx {
  Bytes* out;
  bool ok;
};

static void ipme_add(void* vctx, const char ip[16]) {
  IpmeCtx* c = (IpmeCtx*) vctx;
  const char* p = c->out->data();
  for (size_t i = 0; i + 16 <= c->out->len(); i += 16)
    if (memcmp(p + i, ip, 16) == 0) return;
  if (!c->out->append(ip, 16)) c->ok = false;
}

bool net_ipme(Bytes& out) {
  IpmeCtx c;
  c.out = &out;
  c.ok = true;
  ipme_add(&c, kIp4Any);
  ipme_add(&c, kIp4Loopback);
  if (net_has_ipv6()) ipme_add(&c, kIp6Any);
  if (!qm_if_addrs(ipme_add, &c)) return false;
  if (!c.ok) errno = ENOMEM;
  return c.ok;
}
