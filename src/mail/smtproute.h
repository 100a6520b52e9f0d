// smtproute.h: control/smtproutes lookup for qmail-remote (qmail-core
// §11.3).  The map holds the key:value lines of the file (DomainMap, last
// duplicate wins).  A host is looked up whole, then by each dot suffix
// from the longest (".af.mil" for "x.af.mil"), then as the empty key (the
// default route ":relay").  The first hit decides; an empty value means
// "no route, use MX records" (exceptions like ".af.mil:").
//
// A relay value is "host", "host:port", "[ip]", "[ip]:port"; brackets
// protect IPv6 colons ("[2001:db8::25]:587").  smtproute_find returns 1
// with relay (the host part, brackets kept) and *port set (left alone
// when the value names none or no digits follow the colon), 0 when mail
// goes by MX, -1 on ENOMEM.  Pure; not for signal handlers.
#ifndef QM_MAIL_SMTPROUTE_H
#define QM_MAIL_SMTPROUTE_H

#include <stddef.h>

class Bytes;
class DomainMap;

int smtproute_find(const DomainMap& routes, const char* host, size_t n,
                   Bytes& relay, unsigned long* port);

#endif
