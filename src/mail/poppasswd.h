// poppasswd.h: the POP3 account file (pop3-qmqp-tools spec §2.2-2.3):
// text lines "login:password:account:home[:extra...]", and the cdb made
// from it by qmail-newpw (key: login with its domain lower-cased; value:
// the line after "login:").
//
// pw_parse_line splits one line (without its LF); it returns false for
// blank lines, comments and lines with fewer than four fields.
// pw_parse_value splits a cdb value the same way (no login).  The fields
// point into the caller's bytes; nothing is copied or allocated.
// pw_key appends the cdb key of a login to out (false on ENOMEM).
// pw_login_match compares two logins: bytewise, except that ASCII case
// is ignored after the last '@'.  Pure functions, safe after fork.
#ifndef QM_MAIL_POPPASSWD_H
#define QM_MAIL_POPPASSWD_H

#include <stddef.h>

class Bytes;

struct PwField {
  const char* s;
  size_t n;
};

struct PwEntry {
  PwField login;
  PwField password;
  PwField account;
  PwField home;
};

bool pw_parse_line(const char* s, size_t n, PwEntry* e);
bool pw_parse_value(const char* s, size_t n, PwEntry* e);
bool pw_key(Bytes& out, const char* login, size_t n);
bool pw_login_match(const char* a, size_t an, const char* b, size_t bn);

#endif
