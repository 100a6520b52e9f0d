// net.h: IP addresses in text form, TCP/UDP sockets for IPv4 and IPv6, and
// the list of this machine's addresses (qmail's ipme).
//
// Addresses.  Every socket call takes a 16-byte address (char ip[16]).
// An IPv4 address a.b.c.d is carried in its IPv4-mapped form
// ::ffff:a.b.c.d and always gets an AF_INET socket, so IPv4 works the same
// whether or not IPv6 is compiled in (config.h QM_IPV6); any other address
// needs an AF_INET6 socket.  Two wildcards: kIp4Any (::ffff:0.0.0.0, the
// IPv4 INADDR_ANY) and kIp6Any (::, IPv6 wildcard which also accepts IPv4
// clients unless net_v6only is set).  Ports are host-order numbers.
//
// Text forms.  ip4_scan reads a dotted-quad the ucspi-tcp way: exactly four
// decimal numbers separated by dots, leading zeros allowed ("1.2.3.007"),
// each at most 255; it returns the number of bytes used (the caller
// decides whether trailing bytes are an error) or 0.  ip6_scan reads RFC
// 4291 text (hex groups, one "::", an IPv4 tail "::ffff:1.2.3.4").
// ip_scan takes either and gives the 16-byte form.  ip4_fmt prints dotted
// decimal without leading zeros; ip6_fmt prints the RFC 5952 compressed
// lowercase form (longest run of two or more zero groups becomes "::",
// the first on a tie) and IPv4-mapped addresses as ::ffff:a.b.c.d; ip_fmt
// prints IPv4-mapped addresses in dotted form and the others like ip6_fmt.
// None of the fmt functions writes a NUL; with s == 0 they only count.
//
// Sockets.  Calls return false (or -1) with errno set; nothing prints,
// nothing allocates, everything is safe after fork.  Sockets are created
// blocking and without close-on-exec (tcpserver and tcpclient hand them to
// children); the caller closes them.  net_connect with a timeout uses a
// non-blocking connect and waits; on return the socket is blocking again.
//
// net_ipme appends to out the 16-byte addresses of every local interface
// that is up (IPv4 mapped), plus 127.0.0.1 and 0.0.0.0 (qmail-remote
// treats a relay at 0.0.0.0 as itself), plus :: when IPv6 is compiled in;
// no duplicates.  It uses getifaddrs or SIOCGIFCONF (compat/netif).
#ifndef QM_LIB_NET_H
#define QM_LIB_NET_H

#include <stddef.h>

class Bytes;

enum {
  kIp4Fmt = 16,  // "255.255.255.255" (no NUL)
  kIpFmt = 48,   // any ip_fmt/ip6_fmt result, with room to spare
  kIfNameMax = 64  // net_if_name result with its NUL
};

extern const char kIp4Any[16];       // ::ffff:0.0.0.0
extern const char kIp6Any[16];       // ::
extern const char kIp4Loopback[16];  // ::ffff:127.0.0.1
extern const char kIp6Loopback[16];  // ::1

size_t ip4_scan(const char* s, size_t n, char ip[4]);
size_t ip6_scan(const char* s, size_t n, char ip[16]);
size_t ip_scan(const char* s, size_t n, char ip[16]);
// The whole NUL-terminated string must be an address.
bool ip4_scan_all(const char* s, char ip[4]);
bool ip_scan_all(const char* s, char ip[16]);

size_t ip4_fmt(char* s, const char ip[4]);
size_t ip6_fmt(char* s, const char ip[16]);
size_t ip_fmt(char* s, const char ip[16]);

bool ip_is_v4(const char ip[16]);           // IPv4-mapped?
void ip_from4(char ip[16], const char ip4[4]);
bool ip_equal(const char a[16], const char b[16]);

// True if this build has IPv6 sockets.
bool net_has_ipv6();

// A new socket for the family of ip (see above).
int net_tcp(const char ip[16]);
int net_udp(const char ip[16]);

// Bind; reuse sets SO_REUSEADDR first.  port 0 lets the kernel choose.
bool net_bind(int fd, const char ip[16], unsigned int port, bool reuse);
bool net_listen(int fd, int backlog);
// Returns the new connection's fd (blocking), the peer in ip/port.
int net_accept(int fd, char ip[16], unsigned int* port);
// timeout in seconds; 0 means wait as long as the kernel does.
bool net_connect(int fd, const char ip[16], unsigned int port,
                 unsigned int timeout);
// Convenience for clients: socket, optional bind (localip 0 = none),
// connect with timeout; returns the fd or -1 (the socket is closed).
int net_tcp_connect(const char ip[16], unsigned int port,
                    const char* localip, unsigned int localport,
                    unsigned int timeout);

// IPv6 link-local addresses (fe80::/10) need an interface, the "scope":
// net_if_index gives the index of an interface name (0 with errno ENXIO
// when unknown or unsupported), net_if_name the name of an index.  The
// _scope forms take or return it; 0 means none; the plain forms pass 0.
unsigned int net_if_index(const char* name);
bool net_if_name(unsigned int index, char name[kIfNameMax]);
bool net_bind_scope(int fd, const char ip[16], unsigned int port, bool reuse,
                    unsigned int scope);
bool net_connect_scope(int fd, const char ip[16], unsigned int port,
                       unsigned int timeout, unsigned int scope);
int net_accept_scope(int fd, char ip[16], unsigned int* port,
                     unsigned int* scope);

bool net_local(int fd, char ip[16], unsigned int* port);
bool net_remote(int fd, char ip[16], unsigned int* port);

// UDP datagrams.  net_recv returns the size read or -1.
bool net_send(int fd, const char* buf, size_t n, const char ip[16],
              unsigned int port);
long net_recv(int fd, char* buf, size_t n, char ip[16], unsigned int* port);

// Socket options used by tcpserver/tcpclient.
bool net_v6only(int fd, bool on);   // no-op success on IPv4 sockets
bool net_nodelay(int fd);           // TCP_NODELAY
bool net_ipoptionskill(int fd);     // clear IP options (IPv4 only)

// Port: decimal number (0..65535) or a TCP service name from
// /etc/services (src/lib/netport.cc).  False with errno EINVAL (number out
// of range), ENOENT (no such service) or the error reading the file.
bool net_port_scan(const char* s, unsigned int* port);

// The /etc/services lookup on a file's text: the port of the first line
// whose name or an alias equals name and whose protocol is proto.
bool net_services_find(const char* text, size_t n, const char* name,
                       const char* proto, unsigned int* port);

bool net_ipme(Bytes& out);

#endif
