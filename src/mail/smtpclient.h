// smtpclient.h: the SMTP client dialogue of qmail-remote (qmail-core
// §11.5) over an already connected pair of streams, and its reports in
// the qmail-remote output protocol (§11.6): per recipient "r", "h<text>"
// or "s<text>", then one "K", "Z" or "D" message report, each followed
// by a NUL.
//
// The dialogue is HELO (never EHLO), MAIL, one RCPT per recipient, DATA,
// the message (LF -> CRLF, leading dots doubled, then ".") and QUIT,
// which is sent after every outcome without waiting for its reply.
// Replies are read whole (continuation lines "xyz-"); their text, CRs
// dropped and at most 5000 bytes, follows "Remote host said: " in the
// report that they caused.  A read or write failure (the streams carry
// the timeout) ends the dialogue with "Connected to <peer> but connection
// died."; once the final dot went out it adds "Possible duplicate!".
//
// The caller owns every object; reports are written to rep and not
// flushed.  smtp_deliver always ends with a message report (or with the
// out-of-memory report) and returns; the caller then flushes and exits 0.
// Not for signal handlers.
#ifndef QM_MAIL_SMTPCLIENT_H
#define QM_MAIL_SMTPCLIENT_H

#include <stddef.h>

class Bytes;
class Input;
class Output;

struct SmtpJob {
  const char* peer;      // the server's address as reports show it
  const Bytes* helo;     // HELO argument
  const Bytes* sender;   // MAIL FROM address, already quoted
  const Bytes* recips;   // RCPT TO addresses, each ending in a NUL
};

void smtp_deliver(Input& from_server, Output& to_server, Input& message,
                  Output& rep, const SmtpJob& job);

// The report texts that are fixed strings, shared with qmail-remote.
extern const char kSmtpNomem[];        // "ZOut of memory. (#4.3.0)\n"
extern const char kSmtpPartial[];      // partial final line, permanent
extern const char kSmtpReadMess[];     // "ZUnable to read message. ..."

#endif
