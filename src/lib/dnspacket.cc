// dnspacket.cc: RFC 1035 names and answers, bounds-checked; see
// dnspacket.h.
#include "src/lib/dnspacket.h"

#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/str.h"

static unsigned int get16(const char* p) {
  return ((unsigned int) (unsigned char) p[0] << 8) | (unsigned char) p[1];
}

bool dns_name_wire(Bytes& out, const char* name, size_t n) {
  if (n && name[n - 1] == '.') --n;
  char wire[kDnsNameMax];
  size_t w = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i + byte_chr(name + i, n - i, '.');
    size_t label = j - i;
    // Room for this label, its length byte and the final root byte.
    if (label == 0 || label > 63 || w + 1 + label + 1 > kDnsNameMax) {
      errno = EINVAL;
      return false;
    }
    wire[w++] = (char) label;
    memcpy(wire + w, name + i, label);
    w += label;
    i = j + 1;
    if (j < n && i == n) {  // "a..": a dot right before the trailing end
      errno = EINVAL;
      return false;
    }
  }
  wire[w++] = 0;
  return out.append(wire, w);
}

bool dns_name_text(Bytes& out, const char* wire, size_t n) {
  size_t i = 0;
  bool first = true;
  while (i < n && wire[i]) {
    size_t label = (unsigned char) wire[i++];
    if (label > n - i) label = n - i;
    if (!first && !out.append_byte('.')) return false;
    first = false;
    for (size_t k = 0; k < label; ++k) {
      unsigned char c = (unsigned char) case_lower_char(wire[i + k]);
      if (c > 32 && c < 127 && c != '.' && c != '\\') {
        if (!out.append_byte((char) c)) return false;
      } else {
        char e[4] = {'\\', (char) ('0' + (c >> 6)), (char) ('0' + ((c >> 3) & 7)),
                     (char) ('0' + (c & 7))};
        if (!out.append(e, 4)) return false;
      }
    }
    i += label;
  }
  return true;
}

bool dns_name_equal(const char* a, size_t an, const char* b, size_t bn) {
  // Length bytes are at most 63, below every letter, so folding the
  // whole wire form only folds label text.
  return case_equal(a, an, b, bn);
}

size_t dns_packet_name(const char* pkt, size_t len, size_t pos,
                       char wire[kDnsNameMax], size_t* wlen) {
  size_t w = 0;
  size_t after = 0;     // where the name ends in the packet (first jump)
  size_t limit = pos;   // a pointer must go strictly below this
  for (;;) {
    if (pos >= len) return 0;
    unsigned int c = (unsigned char) pkt[pos];
    if ((c & 0xc0) == 0xc0) {
      if (pos + 1 >= len) return 0;
      size_t target = get16(pkt + pos) & 0x3fff;
      if (!after) after = pos + 2;
      if (target >= limit) return 0;
      limit = target;
      pos = target;
      continue;
    }
    if (c & 0xc0) return 0;  // 01 and 10: extended/obsolete label types
    if (w + 1 + c > kDnsNameMax) return 0;
    if (c > len - pos - 1) return 0;
    wire[w++] = (char) c;
    memcpy(wire + w, pkt + pos + 1, c);
    w += c;
    pos += 1 + c;
    if (!c) break;
  }
  *wlen = w;
  return after ? after : pos;
}

bool dns_query_build(Bytes& out, unsigned int id, const char* qwire,
                     size_t qlen, unsigned int qtype) {
  char h[12] = {(char) (id >> 8), (char) id, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0};
  char t[4] = {(char) (qtype >> 8), (char) qtype, 0, 1};
  return out.append(h, 12) && out.append(qwire, qlen) && out.append(t, 4);
}

// One resource record, located in the packet.
struct Rr {
  char owner[kDnsNameMax];
  size_t olen;
  unsigned int type;
  unsigned int cls;
  size_t rdata;  // offset of the data
  size_t rdlen;
};

static size_t read_rr(const char* pkt, size_t len, size_t pos, Rr* rr) {
  pos = dns_packet_name(pkt, len, pos, rr->owner, &rr->olen);
  if (!pos || len - pos < 10) return 0;
  rr->type = get16(pkt + pos);
  rr->cls = get16(pkt + pos + 2);
  rr->rdlen = get16(pkt + pos + 8);
  rr->rdata = pos + 10;
  if (rr->rdlen > len - rr->rdata) return 0;
  return rr->rdata + rr->rdlen;
}

// Append one record's data in the dns.h format; false = malformed (or
// ENOMEM, errno says which).
static bool extract(const char* pkt, size_t len, const Rr& rr, Bytes& out) {
  const char* d = pkt + rr.rdata;
  char name[kDnsNameMax];
  size_t nlen;
  switch (rr.type) {
    case kDnsTypeA:
      if (rr.rdlen != 4) break;
      return out.append(d, 4);
    case kDnsTypeAaaa:
      if (rr.rdlen != 16) break;
      return out.append(d, 16);
    case kDnsTypePtr:
    case kDnsTypeCname:
      if (dns_packet_name(pkt, len, rr.rdata, name, &nlen) !=
          rr.rdata + rr.rdlen)
        break;
      return dns_name_text(out, name, nlen);
    case kDnsTypeMx:
      if (rr.rdlen < 3 ||
          dns_packet_name(pkt, len, rr.rdata + 2, name, &nlen) !=
              rr.rdata + rr.rdlen)
        break;
      return out.append(d, 2) && dns_name_text(out, name, nlen) &&
             out.append_byte(0);
    case kDnsTypeTxt: {
      size_t i = 0;
      while (i < rr.rdlen) {
        size_t k = (unsigned char) d[i++];
        if (k > rr.rdlen - i) break;
        if (!out.append(d + i, k)) return false;
        i += k;
      }
      if (i == rr.rdlen) return true;
      break;
    }
  }
  errno = EPROTO;
  return false;
}

// Check the header and the question; returns the offset of the answer
// section or a negative DnsParse code.
static long check_head(const char* pkt, size_t len, unsigned int id,
                       const char* qwire, size_t qlen, unsigned int qtype) {
  if (len < 12 || get16(pkt) != id || !(pkt[2] & 0x80)) return kDnsNotOurs;
  // The id (random, from the server's address) matches: a malformed
  // header from now on is the server's fault, not a forgery to wait out.
  char name[kDnsNameMax];
  size_t nlen;
  size_t pos = get16(pkt + 4) == 1 ? dns_packet_name(pkt, len, 12, name, &nlen)
                                   : 0;
  if (!pos || len - pos < 4) {
    errno = EPROTO;
    return kDnsBad;
  }
  if (!dns_name_equal(name, nlen, qwire, qlen) || get16(pkt + pos) != qtype ||
      get16(pkt + pos + 2) != 1)
    return kDnsNotOurs;
  return (long) (pos + 4);
}

int dns_answer_parse(const char* pkt, size_t len, unsigned int id,
                     const char* qwire, size_t qlen, unsigned int qtype,
                     Bytes& out, Bytes& cname) {
  long head = check_head(pkt, len, id, qwire, qlen, qtype);
  if (head < 0) return (int) head;
  if (pkt[2] & 0x02) return kDnsTrunc;
  unsigned int rcode = (unsigned char) pkt[3] & 0x0f;
  if (rcode == 3) return kDnsNone;
  if (rcode != 0) return kDnsServFail;
  unsigned int ancount = get16(pkt + 6);
  // The owner we want: the question name, moved along CNAME records.
  char want[kDnsNameMax];
  size_t wlen = qlen;
  memcpy(want, qwire, qlen);
  bool moved = false;
  Rr rr;
  // Each pass follows one CNAME; a chain longer than the answer count
  // cannot be in the packet, which bounds the loop.
  for (unsigned int hop = 0; hop <= ancount && hop < 32; ++hop) {
    size_t pos = (size_t) head;
    bool step = false;
    for (unsigned int i = 0; i < ancount; ++i) {
      pos = read_rr(pkt, len, pos, &rr);
      if (!pos) {
        errno = EPROTO;
        return kDnsBad;
      }
      if (rr.type == kDnsTypeCname && rr.cls == 1 && qtype != kDnsTypeCname &&
          dns_name_equal(rr.owner, rr.olen, want, wlen)) {
        if (dns_packet_name(pkt, len, rr.rdata, want, &wlen) !=
            rr.rdata + rr.rdlen) {
          errno = EPROTO;
          return kDnsBad;
        }
        step = moved = true;
        break;
      }
    }
    if (!step) break;
  }
  size_t pos = (size_t) head;
  size_t start = out.len();
  bool found = false;
  for (unsigned int i = 0; i < ancount; ++i) {
    pos = read_rr(pkt, len, pos, &rr);
    if (!pos) {
      errno = EPROTO;
      return kDnsBad;
    }
    if (rr.type != qtype || rr.cls != 1 ||
        !dns_name_equal(rr.owner, rr.olen, want, wlen))
      continue;
    if ((qtype == kDnsTypePtr || qtype == kDnsTypeCname) && found) continue;
    if (!extract(pkt, len, rr, out)) {
      out.truncate(start);
      return kDnsBad;
    }
    found = true;
  }
  if (found) return kDnsFound;
  if (moved) {
    cname.clear();
    if (!cname.append(want, wlen)) return kDnsBad;
    return kDnsCname;
  }
  return kDnsNone;
}
