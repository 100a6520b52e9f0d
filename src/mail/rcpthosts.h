// rcpthosts.h: which recipient domains a server accepts mail for
// (qmail-core §13.4 step 5), used by qmail-smtpd and qmail-qmtpd.
//
// init() reads control/rcpthosts (a list) and opens
// control/morercpthosts.cdb, both relative to the current directory (the
// qmail home).  It returns 1 when rcpthosts exists, 0 when it does not
// (then every recipient is allowed: the 1.03 open-relay default) and -1
// with errno on a read error; a missing cdb is fine, an unreadable one is
// an error.  check() returns 1 when the address may be accepted, 0 when
// its domain is not listed, -1 on a cdb read error or ENOMEM.  An address
// without '@' is always allowed.  The domain (after the last '@') is
// lowered and matched exactly, then each dot-suffix ".x.y" is matched; the
// cdb is searched the same way only if the list does not match.  The
// object owns its copy of the list and the cdb descriptor.  Not for
// signal handlers.
#ifndef QM_MAIL_RCPTHOSTS_H
#define QM_MAIL_RCPTHOSTS_H
#include <stddef.h>
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/mail/domainmap.h"

class RcptHosts {
 public:
  RcptHosts();
  ~RcptHosts();
  int init();
  int check(const char* addr, size_t n);
 private:
  bool exists_;
  int fd_;
  DomainMap map_;
  Cdb cdb_;
  Bytes host_;
  RcptHosts(const RcptHosts&);
  void operator=(const RcptHosts&);
};
#endif
