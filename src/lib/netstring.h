// netstring.h: netstrings ("5:hello,"), used by QMQP and QMTP.
//
// The length is decimal without extra leading zeros ("0:," is the only
// length starting with 0).  netstring_read stores at most max bytes: a
// longer netstring is an error (errno E2BIG) and a malformed one is errno
// EPROTO.  Returns 1 read, 0 end of input before the first byte, -1 error
// (including end of input inside a netstring, errno EPROTO).
// netstring_parse works on memory: 1 parsed (*used bytes consumed), 0
// incomplete, -1 malformed.  Not for signal handlers.
#ifndef QM_LIB_NETSTRING_H
#define QM_LIB_NETSTRING_H

#include <stddef.h>

class Bytes;
class Input;

bool netstring_append(Bytes& out, const char* s, size_t n);
int netstring_read(Input& in, Bytes& out, size_t max);
// Read only the length and its ':' (for servers that stream the content
// themselves): 1 with *len and *used (bytes consumed, digits plus ':'),
// 0 end of input before the ':', -1 error: EPROTO malformed, E2BIG
// longer than max, else the read error.
int netstring_read_len(Input& in, unsigned long max, unsigned long* len,
                       unsigned long* used);
int netstring_parse(const char* s, size_t n, size_t* used, const char** data,
                    size_t* dlen);

#endif
