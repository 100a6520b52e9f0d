// domainmap.h: case-insensitive lookup in a control list (locals,
// rcpthosts, percenthack, badmailfrom, virtualdomains, smtproutes).
//
// init() takes the NUL-separated entries that control_read_list made and
// indexes them (the map keeps its own copy).  In key:value mode the key is
// everything before the first colon and the value the rest; entries
// without a colon are ignored; when a key repeats, the last entry wins
// (qmail 1.03 behaviour, qmail-core §2.2).  find() returns the value (""
// in set mode) and its length, or 0 when absent.  Letters fold as ASCII
// only.  init() returns false with ENOMEM.  Not for signal handlers.
#ifndef QM_MAIL_DOMAINMAP_H
#define QM_MAIL_DOMAINMAP_H

#include <stddef.h>
#include "src/lib/bytes.h"

class DomainMap {
 public:
  DomainMap();
  ~DomainMap();
  bool init(const Bytes& list, bool key_value);
  const char* find(const char* key, size_t n, size_t* vlen) const;
  bool contains(const char* key, size_t n) const { return find(key, n, 0) != 0; }
  size_t size() const { return count_; }

 private:
  struct Entry {
    size_t key;      // offsets into data_
    size_t klen;
    size_t val;
    size_t vlen;
    unsigned long hash;
    long next;       // chain, -1 ends
  };
  static unsigned long hash(const char* s, size_t n);
  Bytes data_;
  Entry* entries_;
  long* heads_;
  size_t count_;
  size_t buckets_;
  DomainMap(const DomainMap&);
  void operator=(const DomainMap&);
};

#endif
