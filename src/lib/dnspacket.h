// dnspacket.h: DNS names and messages (RFC 1035), the part of the DNS
// client that touches untrusted bytes; dns.cc does the transport.  Kept
// separate so the unit tests can feed it hostile packets directly.
//
// Wire names are the uncompressed label form ending in the root label, at
// most kDnsNameMax bytes.  Every read from a packet is bounds-checked; a
// compressed name may only point strictly backwards from the previous
// jump, so loops end.  Results are appended to caller-owned Bytes;
// failure to allocate is reported as kDnsBad with errno ENOMEM.  Pure
// functions: safe after fork, not in signal handlers (they allocate).
#ifndef QM_LIB_DNSPACKET_H
#define QM_LIB_DNSPACKET_H

#include <stddef.h>

class Bytes;

enum {
  kDnsNameMax = 255,
  kDnsTypeA = 1,
  kDnsTypeCname = 5,
  kDnsTypePtr = 12,
  kDnsTypeMx = 15,
  kDnsTypeTxt = 16,
  kDnsTypeAaaa = 28
};

// Results of dns_answer_parse.
enum DnsParse {
  kDnsNotOurs = -3,   // id or question differ: keep waiting (spoofing)
  kDnsServFail = -2,  // server failure, refused, ...: try another server
  kDnsBad = -1,       // malformed or oversized answer (errno EPROTO)
  kDnsNone = 0,       // NXDOMAIN, or no records of the type
  kDnsFound = 1,      // out filled
  kDnsCname = 2,      // only a CNAME chain: follow the target in cname
  kDnsTrunc = 3       // TC bit: ask again over TCP
};

// Text name -> wire.  One trailing dot is allowed; "" and "." are the
// root.  false with errno EINVAL for empty or overlong labels (> 63) or a
// name over 255 bytes.
bool dns_name_wire(Bytes& out, const char* name, size_t n);
// Wire -> text: lowercase, labels joined by dots, no trailing dot (the
// root is "").  Bytes outside printable ASCII and dots inside labels are
// written as \ooo octal, so the text is safe to log and compare.
bool dns_name_text(Bytes& out, const char* wire, size_t n);
bool dns_name_equal(const char* a, size_t an, const char* b, size_t bn);

// Expand the name at pos.  Returns the position just after it in the
// packet, or 0 when it is malformed.
size_t dns_packet_name(const char* pkt, size_t len, size_t pos,
                       char wire[kDnsNameMax], size_t* wlen);

// A recursive (RD) query for one name and type, class IN.
bool dns_query_build(Bytes& out, unsigned int id, const char* qwire,
                     size_t qlen, unsigned int qtype);

// Check that pkt answers the query (id, QR, question) and extract the
// records of qtype owned by the name (after any CNAME chain in the
// packet) in the formats of dns.h: A 4 bytes, AAAA 16 bytes, PTR the
// first name, MX 2-byte preference + name + NUL, TXT the strings.
// cname receives the wire name at the end of the chain when kDnsCname.
int dns_answer_parse(const char* pkt, size_t len, unsigned int id,
                     const char* qwire, size_t qlen, unsigned int qtype,
                     Bytes& out, Bytes& cname);

#endif
