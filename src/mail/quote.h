// quote.h: write an address with its local part quoted when RFC 821/822
// needs it (qmail's "quote2", qmail-core §2.4): the text before the last
// '@' is put in double quotes if it is empty, contains a byte >= 128, a
// control character, space, any of "(),:;<>@[\] or DEL, starts or ends
// with '.', or contains "..".  Inside quotes CR, LF, '"' and '\' get a
// backslash.  The domain is never quoted; the empty address stays empty.
// Appends to out; false on ENOMEM.
#ifndef QM_MAIL_QUOTE_H
#define QM_MAIL_QUOTE_H

#include <stddef.h>

class Bytes;

bool quote_addr(Bytes& out, const char* addr, size_t n);
bool quote_local_needed(const char* s, size_t n);

#endif
