// Unit tests for src/lib/dnspacket: name encoding, and the answer parser
// fed hostile packets (truncation at every byte, pointer loops, forward
// pointers, oversized names and lengths, wrong ids and questions).
#include "qtest.h"

#include <string.h>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/dnspacket.h"

typedef std::string S;

static S wire(const char* name) {
  Bytes b;
  if (!dns_name_wire(b, name, strlen(name))) return "ERR";
  return S(b.data(), b.len());
}

static S text(const S& w) {
  Bytes b;
  dns_name_text(b, w.data(), w.size());
  return S(b.data(), b.len());
}

static S u16(unsigned int v) {
  S s;
  s += (char) (v >> 8);
  s += (char) v;
  return s;
}

// Header for id 0x1234 answering one question, with ancount answers.
static S head(unsigned int flags, unsigned int an) {
  return u16(0x1234) + u16(flags) + u16(1) + u16(an) + u16(0) + u16(0);
}

static S question(const char* name, unsigned int type) {
  return wire(name) + u16(type) + u16(1);
}

static S rr(const S& owner, unsigned int type, const S& data) {
  return owner + u16(type) + u16(1) + S("\0\0\1\0", 4) + u16(data.size()) +
         data;
}

static int parse(const S& pkt, const char* qname, unsigned int qtype,
                 S* out = 0, S* cn = 0) {
  Bytes o, c;
  S q = wire(qname);
  int r = dns_answer_parse(pkt.data(), pkt.size(), 0x1234, q.data(), q.size(),
                           qtype, o, c);
  if (out) *out = S(o.data(), o.len());
  if (cn) *cn = S(c.data(), c.len());
  return r;
}

static const S kPtr(S("\xc0\x0c", 2));  // pointer to the question name

static void names(TestState& t) {
  t.testrun(wire("a.bc") == S("\1a\2bc\0", 6), "wire a.bc");
  t.testrun(wire("a.bc.") == wire("a.bc"), "trailing dot");
  t.testrun(wire("") == S("\0", 1) && wire(".") == S("\0", 1), "root");
  t.testrun(wire("a..b") == "ERR" && wire(".a") == "ERR" && wire("a..") == "ERR",
            "empty labels refused");
  S l63(63, 'x'), l64(64, 'x');
  t.testrun(wire(l63.c_str()) != "ERR" && wire(l64.c_str()) == "ERR",
            "label limit 63");
  S n253, n254;
  for (int i = 0; i < 63; ++i) n253 += "abc.";
  n253 += "a";  // 253 text bytes: 255 in wire form
  n254 = n253 + "b";
  t.testrun(wire(n253.c_str()).size() == 255 && wire(n254.c_str()) == "ERR",
            "name limit 255");
  t.testrun(text(wire("Www.Example.COM")) == "www.example.com",
            "text lowercased");
  t.testrun(text(S("\3a.b\2c\1\0", 8)) == "a\\056b.c\\001", "text escapes");
  t.testrun(text(S("\0", 1)) == "", "root text");
}

static void answers(TestState& t) {
  S q = question("a.test", kDnsTypeA);
  S out, cn;
  S good = head(0x8180, 2) + q + rr(kPtr, 1, S("\1\2\3\4", 4)) +
           rr(kPtr, 1, S("\5\6\7\10", 4));
  t.testrun(parse(good, "A.TEST", 1, &out) == kDnsFound &&
                out == S("\1\2\3\4\5\6\7\10", 8),
            "two A records");
  t.testrun(parse(good, "b.test", 1) == kDnsNotOurs, "other question ignored");
  t.testrun(parse(good, "a.test", 28) == kDnsNotOurs, "other type ignored");
  S bad_id = good;
  bad_id[1] = 0x35;
  t.testrun(parse(bad_id, "a.test", 1) == kDnsNotOurs, "wrong id ignored");
  S not_resp = good;
  not_resp[2] = 0x01;
  t.testrun(parse(not_resp, "a.test", 1) == kDnsNotOurs, "query not answer");
  // Every truncation of a good answer is refused cleanly, never read
  // beyond the end.
  bool all = true;
  for (size_t n = 0; n < good.size(); ++n) {
    int r = parse(good.substr(0, n), "a.test", 1);
    if (r != kDnsNotOurs && r != kDnsBad) all = false;
  }
  t.testrun(all, "every truncated packet refused");
  t.testrun(parse(head(0x8183, 0) + q, "a.test", 1) == kDnsNone, "NXDOMAIN");
  t.testrun(parse(head(0x8182, 0) + q, "a.test", 1) == kDnsServFail,
            "SERVFAIL");
  t.testrun(parse(head(0x8185, 0) + q, "a.test", 1) == kDnsServFail, "REFUSED");
  t.testrun(parse(head(0x8380, 0) + q, "a.test", 1) == kDnsTrunc, "TC bit");
  t.testrun(parse(head(0x8180, 0) + q, "a.test", 1) == kDnsNone,
            "no answer records");
  t.testrun(parse(head(0x8180, 1) + q + rr(kPtr, 1, S("\1\2\3", 3)), "a.test",
                  1) == kDnsBad,
            "A with 3 bytes refused");
  S rdlong = head(0x8180, 1) + q + kPtr + u16(1) + u16(1) + S("\0\0\0\0", 4) +
             u16(400) + S("\1\2\3\4", 4);
  t.testrun(parse(rdlong, "a.test", 1) == kDnsBad, "rdlength beyond the end");
  S many = head(0x8180, 65535) + q + rr(kPtr, 1, S("\1\2\3\4", 4));
  t.testrun(parse(many, "a.test", 1) == kDnsBad, "answer count beyond the end");
  // A record whose owner points at itself.
  size_t at = 12 + q.size();
  S self = head(0x8180, 1) + q + u16(0xc000 | at) + u16(1) + u16(1) +
           S("\0\0\0\0", 4) + u16(4) + S("\1\2\3\4", 4);
  t.testrun(parse(self, "a.test", 1) == kDnsBad, "pointer to itself refused");
  S fwd = head(0x8180, 1) + q + u16(0xc000 | (at + 2)) + S("\0", 1) + u16(1) +
          u16(1) + S("\0\0\0\0", 4) + u16(4) + S("\1\2\3\4", 4);
  t.testrun(parse(fwd, "a.test", 1) == kDnsBad, "forward pointer refused");
  // Two names pointing at each other (via the question's label bytes).
  S mutual = head(0x8180, 1) + q + S("\1x", 2) + u16(0xc000 | (at + 5)) +
             S("\1y", 2) + u16(0xc000 | at) + u16(1) + u16(1) +
             S("\0\0\0\0", 4) + u16(4) + S("\1\2\3\4", 4);
  t.testrun(parse(mutual, "a.test", 1) == kDnsBad, "pointer loop refused");
  S label_types = head(0x8180, 1) + q + S("\x40", 1) + u16(1) + u16(1) +
                  S("\0\0\0\0", 4) + u16(4) + S("\1\2\3\4", 4);
  t.testrun(parse(label_types, "a.test", 1) == kDnsBad,
            "extended label type refused");
  // A name made of pointers to 50-byte labels grows past 255 bytes.
  S big = head(0x8180, 1) + q;
  size_t p0 = big.size();
  S lab(1, (char) 50);
  lab += S(50, 'z');
  big += lab + S("\0", 1);
  size_t prev = p0;
  for (int i = 0; i < 6; ++i) {
    size_t here = big.size();
    big += lab + u16(0xc000 | prev);
    prev = here;
  }
  big += u16(1) + u16(1) + S("\0\0\0\0", 4) + u16(4) + S("\1\2\3\4", 4);
  // That packet's first "answer" starts at p0 and is not a valid record;
  // parse the long name directly.
  char w[kDnsNameMax];
  size_t wl;
  t.testrun(dns_packet_name(big.data(), big.size(), prev, w, &wl) == 0,
            "name over 255 bytes refused");
  t.testrun(dns_packet_name(big.data(), big.size(), p0, w, &wl) == p0 + 52 &&
                wl == 52,
            "name of one 50-byte label read");
  // CNAME chain inside the packet.
  S cname = head(0x8180, 3) + q + rr(kPtr, 5, wire("b.test")) +
            rr(wire("b.test"), 5, wire("C.test")) +
            rr(wire("c.test"), 1, S("\11\11\11\11", 4));
  t.testrun(parse(cname, "a.test", 1, &out) == kDnsFound &&
                out == S("\11\11\11\11", 4),
            "CNAME chain in the answer");
  S conly = head(0x8180, 1) + q + rr(kPtr, 5, wire("B.test"));
  t.testrun(parse(conly, "a.test", 1, &out, &cn) == kDnsCname &&
                cn == wire("B.test"),
            "CNAME only: target returned");
  S cloop = head(0x8180, 2) + q + rr(kPtr, 5, wire("b.test")) +
            rr(wire("b.test"), 5, wire("a.test"));
  int r = parse(cloop, "a.test", 1, &out, &cn);
  t.testrun(r == kDnsCname, "CNAME loop in the packet ends");
  // Records for other names are skipped.
  S other = head(0x8180, 1) + q + rr(wire("evil.test"), 1, S("\1\1\1\1", 4));
  t.testrun(parse(other, "a.test", 1) == kDnsNone, "other owner ignored");
  // MX, PTR, TXT formats.
  S mq = question("m.test", kDnsTypeMx);
  S mx = head(0x8180, 2) + mq + rr(kPtr, 15, u16(10) + wire("MX.test")) +
         rr(kPtr, 15, u16(5) + S("\2mx", 3) + kPtr);
  t.testrun(parse(mx, "m.test", 15, &out) == kDnsFound &&
                out == u16(10) + S("mx.test\0", 8) + u16(5) + S("mx.m.test\0", 10),
            "MX with compressed exchange");
  S mxbad = head(0x8180, 1) + mq + rr(kPtr, 15, u16(10) + wire("mx.test") + "x");
  t.testrun(parse(mxbad, "m.test", 15) == kDnsBad, "MX with trailing bytes");
  S tq = question("t.test", kDnsTypeTxt);
  S txt = head(0x8180, 2) + tq + rr(kPtr, 16, S("\3abc\0\2de", 8)) +
          rr(kPtr, 16, S("\1f", 2));
  t.testrun(parse(txt, "t.test", 16, &out) == kDnsFound && out == "abcdef",
            "TXT strings concatenated");
  S txtbad = head(0x8180, 1) + tq + rr(kPtr, 16, S("\5abc", 4));
  t.testrun(parse(txtbad, "t.test", 16) == kDnsBad, "TXT string overrun");
  S pq = question("1.0.0.127.in-addr.arpa", kDnsTypePtr);
  S ptr = head(0x8180, 2) + pq + rr(kPtr, 12, wire("One.Example")) +
          rr(kPtr, 12, wire("two.example"));
  t.testrun(parse(ptr, "1.0.0.127.in-addr.arpa", 12, &out) == kDnsFound &&
                out == "one.example",
            "first PTR only, lowercased");
}

// Qualification: the names tried for a name and a search list, with the
// NULs shown as '|'.
static S candidates(const char* name, const char* search) {
  Bytes b;
  if (!dns_candidates(b, name, strlen(name), search, strlen(search)))
    return "ERR";
  S r(b.data(), b.len());
  for (size_t i = 0; i < r.size(); ++i)
    if (r[i] == 0) r[i] = '|';
  return r;
}

static S search_of(const char* rc) {
  Bytes b;
  if (!dns_search_from_resolvconf(b, rc, strlen(rc))) return "ERR";
  return S(b.data(), b.len());
}

static void qualify(TestState& t) {
  t.testrun(candidates("www", "example.com") == "www.example.com|",
            "qualify: a name without a dot gets the domain");
  t.testrun(candidates("www", " a.org\tb.net. ") == "www.a.org|www.b.net|",
            "qualify: every search domain in turn, trailing dots dropped");
  t.testrun(candidates("www", "") == "www|", "qualify: no search list");
  t.testrun(candidates("www.x.org", "a.org") == "www.x.org|",
            "qualify: a name with a dot as it is");
  t.testrun(candidates("www.", "a.org") == "www|" &&
                candidates("www.x.org.", "a.org") == "www.x.org|",
            "qualify: a trailing dot means no qualification");
  t.testrun(search_of("nameserver 1.2.3.4\ndomain d.org\nsearch a.org b.org\n") ==
                " a.org b.org",
            "resolv.conf: the last search or domain line wins");
  t.testrun(search_of("search a.org\ndomain\tz.org") == "\tz.org",
            "resolv.conf: domain after search, no final newline");
  t.testrun(search_of("# search x.org\nsearchx y\nnameserver ::1\n") == "",
            "resolv.conf: comments and other words ignored");
}

int main() {
  TestState t;
  names(t);
  answers(t);
  qualify(t);
  return 0;
}
