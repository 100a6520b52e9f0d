// pbs.h: the POP-before-SMTP record (pop3-qmqp-tools spec §1.4): one
// empty file per client address in QMAILHOME/pbs/, whose mtime is the
// time of the last successful POP3 login there.
//
// pbs_path appends "<home>/pbs/<ip>" to out for the address text in ip
// (normalized, so "127.000.0.1" and "127.0.0.1" name the same file);
// false when ip is not a valid IPv4 or IPv6 address or on ENOMEM.
// pbs_timeout reads control/pbstimeout under the home (seconds, default
// 1800); false with errno when the file cannot be read.  Nothing is
// cached; safe after fork.
#ifndef QM_MAIL_PBS_H
#define QM_MAIL_PBS_H

class Bytes;

enum { kPbsDefaultTimeout = 1800 };

bool pbs_path(Bytes& out, const char* ip);
bool pbs_timeout(unsigned long* seconds);

#endif
