// dns.h: a small DNS stub resolver (issue 3), used by tcpserver -h/-p,
// tcpclient, rblsmtpd, qmail-remote and config.
//
// Servers come from /etc/resolv.conf ("nameserver" lines; none means
// 127.0.0.1), overridden by $DNSCACHEIP (one or more IPv4/IPv6 addresses
// separated by spaces or commas, as djbdns' dnscache users set it).  The
// port is 53, or $DNSCACHEPORT when set (a test hook so that unprivileged
// test suites can run a DNS server on a loopback high port).  Queries go
// over UDP with a random id and source port, answers must match the
// question; a truncated answer is retried over TCP (answers bigger than
// 512 bytes).  /etc/hosts is never consulted (as ucspi-tcp 0.88).
// Answers are untrusted: every length and pointer is bounds-checked,
// compression loops are refused, oversized or garbage answers are a
// temporary failure (errno EPROTO), never an overflow.
//
// Results of every lookup: 1 answer found (out filled), 0 permanent
// negative (NXDOMAIN, or the name exists without such records), -1
// temporary failure (errno: ETIMEDOUT, ECONNREFUSED, EPROTO, ENOMEM...).
// Names are given as text without a trailing dot; results are lowercase
// and without a trailing dot.  CNAME chains are followed (bounded).
// Output formats (appended to a cleared out):
//   dns_ip4   4 bytes per address, in answer order
//   dns_ip6   16 bytes per address
//   dns_ptr4/dns_ptr6  the first PTR name, lowercased
//   dns_mx    per record: 2 bytes preference (big-endian), the exchange
//             name, a NUL; in answer order
//   dns_txt   the character-strings of every TXT record, concatenated
//   dns_ip    16 bytes per address (see net.h): the AAAA addresses, then
//             the A addresses IPv4-mapped; 1 if either family has one
//   dns_cname the canonical name: the end of the name's CNAME chain
//             (returns 1), or the name itself lowercased when it has no
//             CNAME or does not exist (returns 0)
// dns_ip4/dns_ip6/dns_ip accept an address literal ("1.2.3.4",
// "[1.2.3.4]", "::1") and return it without a query.  Each server is
// asked in turn with timeouts of 1, 3, 11 and 45 seconds (djbdns' rounds);
// a server that refuses, fails (SERVFAIL, REFUSED) or answers garbage is
// dropped for the rest of the lookup.
// Not for signal handlers.  Uses no global objects with constructors.
#ifndef QM_LIB_DNS_H
#define QM_LIB_DNS_H

#include <stddef.h>

class Bytes;

int dns_ip4(Bytes& out, const char* name, size_t n);
int dns_ip6(Bytes& out, const char* name, size_t n);
int dns_ptr4(Bytes& out, const char ip[4]);
int dns_ptr6(Bytes& out, const char ip[16]);
int dns_mx(Bytes& out, const char* name, size_t n);
int dns_txt(Bytes& out, const char* name, size_t n);
int dns_ip(Bytes& out, const char* name, size_t n);
int dns_cname(Bytes& out, const char* name, size_t n);

// Qualification (src/lib/dnsqualify.cc), for host names that users type
// (tcpserver's host, tcpclient's host): a name with a trailing dot is
// taken as it is; one with a dot inside too; one without any dot is tried
// in each domain of the search list ($LOCALDOMAIN, else the last "search"
// or "domain" line of /etc/resolv.conf, else this host's domain).
// dns_qualified runs lookup (dns_ip4, dns_ip6, dns_ip) on each candidate
// in turn; 1 with out filled and fqdn the name that answered, 0 when none
// has an address, -1 when none answered and some lookup failed
// temporarily.  The other two are its parts, for tests: dns_candidates
// lists the names to try (each followed by a NUL) for a search list in
// text form; dns_search_from_resolvconf extracts that list.
typedef int (*DnsLookup)(Bytes& out, const char* name, size_t n);
int dns_qualified(Bytes& out, Bytes& fqdn, DnsLookup lookup, const char* name,
                  size_t n);
bool dns_candidates(Bytes& out, const char* name, size_t n,
                    const char* search, size_t sn);
bool dns_search_from_resolvconf(Bytes& out, const char* text, size_t n);

#endif
