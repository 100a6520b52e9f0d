// sendfn.h: the pure decisions of qmail-send (qmail-core §6), kept apart
// from its event loop so that unit tests can check them: recipient
// rewriting (envnoathost, percenthack, locals, virtualdomains), the retry
// schedule, VERP sender expansion, the log-safe filter, bounce paragraphs
// and the removal of a virtual-domain prepend.
//
// Functions appending to a Bytes return false on ENOMEM (out may then hold
// part of the result).  Nothing here does I/O, keeps state or is safe in
// a signal handler.
#ifndef QM_MAIL_SENDFN_H
#define QM_MAIL_SENDFN_H

#include <stddef.h>

class Bytes;
class DomainMap;

enum { kChanLocal = 0, kChanRemote = 1 };

struct SendMaps {
  const char* envnoathost;   // NUL-terminated
  const DomainMap* locals;
  const DomainMap* percenthack;
  const DomainMap* vdoms;    // key:value map
};

// Rewrite one envelope recipient: out gets the address to store; returns
// kChanLocal or kChanRemote, or -1 on ENOMEM.
int send_rewrite(Bytes& out, const char* addr, size_t n, const SendMaps* m);

// birth + (floor(sqrt(now - birth)) + c)^2, c = 10 local, 20 remote.
unsigned long send_nextretry(unsigned long birth, unsigned long now, int chan);

// "pre@host-@[]" sent to "box@dom" becomes "prebox=dom@host"; any other
// sender is copied unchanged.  out is cleared first.
bool send_verp(Bytes& out, const char* sender, size_t sn, const char* recip,
               size_t rn);
// The bounce recipient for a VERP sender: "pre@host-@[]" -> "pre@host".
size_t send_verp_trim(const char* sender, size_t sn);

// Append s with '\n' -> '/', and bytes below 33, above 126 and '%' -> '_'.
bool send_logsafe(Bytes& out, const char* s, size_t n);

// Append the bounce paragraph for one recipient (qmail-core §6.8).
bool send_bounce_para(Bytes& out, const char* recip, size_t rn,
                      const char* report, size_t n);

// Length of the "prepend-" that virtualdomains put in front of a local
// recipient (0 if none), so a bounce can show the original address.
size_t send_vdom_prefix(const char* recip, size_t n, const DomainMap* vdoms);

#endif
