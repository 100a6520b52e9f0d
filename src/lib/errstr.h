// errstr.h: the fixed lowercase English phrase for an errno value, as the
// qmail and ucspi-tcp tools print it ("file does not exist", not
// strerror's wording).  Scripts compare these phrases.  Returns a static
// string; unknown values give "unknown error".  Safe in signal handlers.
#ifndef QM_LIB_ERRSTR_H
#define QM_LIB_ERRSTR_H

const char* errstr(int e);

// True for errno values that mean "try again later" rather than "this
// will never work" (used by programs choosing between 111 and 100).
bool err_temporary(int e);

#endif
