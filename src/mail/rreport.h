// rreport.h: how qmail-rspawn turns one qmail-remote run into one
// delivery result for qmail-send (qmail-core §7.2).
//
// rreport appends to out the result letter (K, Z or D) and the report
// text, from the child's wait status and its complete output (the
// NUL-terminated reports of §11.6).  The message result is the first
// report starting with K, Z or D (none: D); the letter is that, except
// that a first report "s" makes it Z and "h" makes it D.  The text is
// the first report's; when the message result is no better than the
// letter, a second K/Z/D report's text follows it.  Crashes, exit codes
// and empty output have fixed texts.  Returns false on ENOMEM.  Pure;
// not for signal handlers.
#ifndef QM_MAIL_RREPORT_H
#define QM_MAIL_RREPORT_H

#include <stddef.h>

class Bytes;

bool rreport(Bytes& out, int wait_status, const char* s, size_t len);

#endif
