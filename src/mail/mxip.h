// mxip.h: the list of addresses qmail-remote tries for a host, in order
// (qmail-core §11.4, extensions §10), found through src/lib/dns.h.
//
// An address literal ("1.2.3.4", "[1.2.3.4]", "[IPv6:2001:db8::1]",
// "[2001:db8::1]") is used as it is.  Otherwise mx_mxip looks up the MX
// records, sorts them by preference (records of equal preference in an
// order drawn from seed) and adds each exchanger's addresses with its
// preference: its IPv6 addresses first (unless v4only), then its IPv4
// ones.  A name without MX records (or that does not exist) falls back to
// its own addresses at preference 0.  mx_ip is the relay form: the host's
// own addresses only, never its MX records.
//
// Results: kMxOk (the list may still be empty: no usable exchanger),
// kMxPartial (some exchanger could not be resolved for now), kMxSoft
// (temporary DNS failure), kMxHard (no such host), kMxNomem.  Addresses
// are 16-byte net.h forms (IPv4 mapped).  The list owns its memory.  Not
// for signal handlers.
#ifndef QM_MAIL_MXIP_H
#define QM_MAIL_MXIP_H

#include <stddef.h>

enum { kMxOk = 0, kMxPartial = 1, kMxSoft = -1, kMxHard = -2,
       kMxNomem = -3 };

struct MxAddr {
  char ip[16];
  unsigned long pref;
};

class MxList {
 public:
  MxList() : a_(0), n_(0), cap_(0) {}
  ~MxList();
  bool add(const char ip[16], unsigned long pref);
  size_t size() const { return n_; }
  const MxAddr& at(size_t i) const { return a_[i]; }

 private:
  MxAddr* a_;
  size_t n_;
  size_t cap_;
  MxList(const MxList&);
  void operator=(const MxList&);
};

// True (and ip set) if s[0..n) is an address literal.
bool mx_literal(const char* s, size_t n, char ip[16]);
int mx_ip(MxList& out, const char* host, size_t n, bool v4only);
int mx_mxip(MxList& out, const char* host, size_t n, unsigned long seed,
            bool v4only);

#endif
