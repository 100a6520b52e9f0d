// received.h: the Received: field a network server puts at the top of a
// message before handing it to qmail-queue (qmail-core §13.5), shared by
// qmail-smtpd ("SMTP"), qmail-qmtpd ("QMTP") and qmail-qmqpd ("QMQP"):
//
//   Received: from REMOTEHOST (HELO HELO) (REMOTEINFO@REMOTEIP)\n
//     by LOCAL with PROTOCOL; RFC822-DATE\n
//
// "(HELO x) " appears only when helo is not 0 and "REMOTEINFO@" only when
// remoteinfo is not 0.  In every inserted value each byte other than
// letters, digits and .@%+/=:- becomes '?', so a client cannot forge
// header structure.  The protocol word is ours and copied as given.  The
// line is appended to out; false on ENOMEM.  Pure; not for signal
// handlers.
#ifndef QM_MAIL_RECEIVED_H
#define QM_MAIL_RECEIVED_H
class Bytes;

bool received_line(Bytes& out, const char* protocol, const char* local,
                   const char* remoteip, const char* remotehost,
                   const char* remoteinfo, const char* helo,
                   unsigned long when);
// Append s with the unsafe bytes replaced by '?'.
bool received_safe(Bytes& out, const char* s);
#endif
