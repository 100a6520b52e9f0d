// md5_test.cc: MD5 against the RFC 1321 test suite, HMAC-MD5 against the
// RFC 2202 vectors, and incremental updates across block boundaries.
#include "testsuite/unit/qtest.h"

#include <string.h>
#include <string>
#include "src/lib/md5.h"

static std::string hex_of(const std::string& s) {
  Md5 c;
  md5_init(&c);
  md5_update(&c, s.data(), s.size());
  unsigned char d[kMd5Len];
  md5_final(&c, d);
  char h[kMd5HexLen];
  md5_hex(h, d);
  return std::string(h, kMd5HexLen);
}

static std::string hmac_of(const std::string& k, const std::string& t) {
  unsigned char d[kMd5Len];
  md5_hmac(k.data(), k.size(), t.data(), t.size(), d);
  char h[kMd5HexLen];
  md5_hex(h, d);
  return std::string(h, kMd5HexLen);
}

int main() {
  TestState t;
  static const char* const kVec[][2] = {
    {"", "d41d8cd98f00b204e9800998ecf8427e"},
    {"a", "0cc175b9c0f1b6a831c399e269772661"},
    {"abc", "900150983cd24fb0d6963f7d28e17f72"},
    {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
    {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
    {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
     "d174ab98d277d9f5a5611c2c9f419d9f"},
    {"1234567890123456789012345678901234567890123456789012345678901234567890"
     "1234567890", "57edf4a22be3c955ac49da2e2107b67a"}};
  for (size_t i = 0; i < sizeof kVec / sizeof kVec[0]; ++i)
    t.testrun(hex_of(kVec[i][0]) == kVec[i][1],
              std::string("md5 \"") + kVec[i][0] + "\"");
  // RFC 1939's APOP example.
  t.testrun(hex_of("<1896.697170952@dbc.mtview.ca.us>tanstaaf") ==
                "c4c9334bac560ecc979e58001b3e22fb",
            "md5 APOP example of RFC 1939");
  // Feeding byte by byte must give the same digest as one call.
  std::string big;
  for (int i = 0; i < 1000; ++i) big += (char) (i * 7);
  Md5 c;
  md5_init(&c);
  for (size_t i = 0; i < big.size(); ++i) md5_update(&c, &big[i], 1);
  unsigned char d[kMd5Len];
  md5_final(&c, d);
  char h[kMd5HexLen];
  md5_hex(h, d);
  t.testrun(std::string(h, kMd5HexLen) == hex_of(big), "md5 incremental");
  // Every padding length around the 56-byte boundary.
  bool ok = true;
  for (size_t n = 50; n < 70; ++n) {
    std::string s(n, 'x');
    Md5 a;
    md5_init(&a);
    md5_update(&a, s.data(), 30);
    md5_update(&a, s.data() + 30, n - 30);
    md5_final(&a, d);
    md5_hex(h, d);
    if (std::string(h, kMd5HexLen) != hex_of(s)) ok = false;
  }
  t.testrun(ok, "md5 split updates near the padding boundary");
  t.testrun(hex_of(std::string(64, 'a')) == "014842d480b571495a4a0363793f7367",
            "md5 one full block");
  t.testrun(hmac_of(std::string(16, '\x0b'), "Hi There") ==
                "9294727a3638bb1c13f48ef8158bfc9d", "hmac-md5 RFC 2202 #1");
  t.testrun(hmac_of("Jefe", "what do ya want for nothing?") ==
                "750c783e6ab0b503eaa86e310a5db738", "hmac-md5 RFC 2202 #2");
  t.testrun(hmac_of(std::string(80, '\xaa'),
                    "Test Using Larger Than Block-Size Key - Hash Key First") ==
                "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
            "hmac-md5 RFC 2202 #6 (long key)");
  // RFC 2195's CRAM-MD5 example.
  t.testrun(hmac_of("tanstaaftanstaaf",
                    "<1896.697170952@postoffice.reston.mci.net>") ==
                "b913a602c7eda7a495b4e6e7334d3890", "cram-md5 RFC 2195 example");
  char w[4] = {'a', 'b', 'c', 'd'};
  md5_wipe(w, sizeof w);
  t.testrun(memcmp(w, "\0\0\0\0", 4) == 0, "md5_wipe clears");
  return 0;
}
