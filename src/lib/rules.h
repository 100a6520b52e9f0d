// rules.h: look up a connection in a tcprules database (tcprules(1)), as
// tcpserver -x and tcprulescheck do.
//
// The keys are tried in ucspi-tcp 0.88's order, and the first record of
// the first key that exists wins:
//   INFO@IP, INFO@=HOST, IP, =HOST, the prefixes of IP that end in '.'
//   (or ':' for an IPv6 address) longest first, =.SUFFIX for every dot
//   of HOST from the left, "=", and the empty key.
// INFO keys need info != 0 (an empty string counts as set), HOST keys
// need host != 0.  Matching is bytewise and case-sensitive.
//
// A record's data is a run of NUL-terminated items: "D" marks a denial,
// "+NAME=VALUE" sets a variable; anything else, and bytes after the last
// NUL, are ignored.  rules_item walks them.
//
// rules_find reads the open cdb fd (the caller opens and closes it, once
// per connection, so a rebuilt file is seen at once).  It returns 1 with
// key and data filled, 0 when no key matched, -1 on a read error or a
// corrupt file (errno; EPROTO for a malformed file).  Memory: key and
// data belong to the caller.  Safe after fork; not in signal handlers.
#ifndef QM_LIB_RULES_H
#define QM_LIB_RULES_H

#include <stddef.h>

class Bytes;

int rules_find(int fd, const char* ip, const char* host, const char* info,
               Bytes& key, Bytes& data);

// The next item of data starting at *pos: true with item/len set (len
// without the NUL) and *pos moved past it; false when no NUL-terminated
// item is left.
bool rules_item(const Bytes& data, size_t* pos, const char** item,
                size_t* len);

// For a "+NAME=VALUE" item: true with name/value split out (name may be
// empty); false for any other item.
bool rules_setting(const char* item, size_t len, const char** name,
                   size_t* nlen, const char** value, size_t* vlen);

#endif
