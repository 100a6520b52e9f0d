// dnsdoe.h: what the dns helper commands (dnscname, dnsfq, dnsip,
// dnsmxip, dnsptr) print and return when a lookup fails, as qmail 1.03's
// helpers did: a temporary failure is "soft error" and exit 111, a
// permanent one "hard error" and exit 100, lack of memory "out of memory"
// and exit 111 (the text goes to standard error, without a program name:
// the config script runs them with 2>/dev/null).  dnsdoe_text returns the
// line for a dns.h result r (-1 with errno, or 0) and sets *code.  Pure.
#ifndef QM_MAIL_DNSDOE_H
#define QM_MAIL_DNSDOE_H

const char* dnsdoe_text(int r, int* code);

#endif
