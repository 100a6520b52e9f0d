// Unit tests for Bytes: growth, copying, NUL termination, and refusal of
// sizes that would wrap (checked at the 32-bit and 64-bit limits).
#include "qtest.h"

#include <errno.h>
#include <string.h>
#include "src/lib/bytes.h"

int main() {
  TestState t;
  Bytes b;
  t.testrun(b.len() == 0 && b.empty() && b.c_str()[0] == 0, "empty start");
  t.testrun(b.append("abc") && b.len() == 3 && b.equals("abc"), "append cstr");
  t.testrun(b.append("\0x", 2) && b.len() == 5 && b.has_nul(),
            "append with NUL");
  t.testrun(b.c_str()[5] == 0, "always NUL terminated");
  t.testrun(b.copy("hello") && b.equals("hello") && !b.has_nul(), "copy");
  t.testrun(b.append_byte('!') && b.equals("hello!"), "append_byte");
  b.truncate(2);
  t.testrun(b.equals("he") && b.c_str()[2] == 0, "truncate");
  b.truncate(10);
  t.testrun(b.equals("he"), "truncate longer is a no-op");
  t.testrun(b.append_ulong(0) && b.append_ulong(4294967295UL) &&
                b.equals("he04294967295"),
            "append_ulong");
  t.testrun(b.starts_with("he0") && !b.starts_with("hex"), "starts_with");
  // Self-copy from inside the buffer.
  b.copy("abcdef");
  t.testrun(b.copy(b.data() + 2, 3) && b.equals("cde"), "copy from self");

  // Growth over many appends keeps every byte.
  Bytes big;
  bool ok = true;
  for (int i = 0; i < 100000 && ok; ++i) ok = big.append_byte((char) (i & 255));
  for (int i = 0; i < 100000 && ok; ++i)
    ok = big.data()[i] == (char) (i & 255);
  t.testrun(ok && big.len() == 100000, "100000 appends");

  // Size limits: a request that would overflow must fail with ENOMEM and
  // leave the contents alone.
  Bytes s;
  s.copy("keep");
  size_t maxv = (size_t) -1;
  errno = 0;
  t.testrun(!s.reserve(maxv) && errno == ENOMEM && s.equals("keep"),
            "reserve SIZE_MAX refused");
  errno = 0;
  t.testrun(!s.reserve(maxv - 2) && errno == ENOMEM, "reserve SIZE_MAX-2 refused");
  errno = 0;
  t.testrun(!s.append("x", maxv - 3) && errno == ENOMEM && s.equals("keep"),
            "append near SIZE_MAX refused without touching data");
  errno = 0;
  t.testrun(!s.reserve(Bytes::max_len()) && errno == ENOMEM,
            "reserve max_len beyond current length refused");
  // 2^32 - 16 is the wrap point on 32-bit builds; on 64-bit it is merely
  // big, so only check that the answer is consistent with max_len.
  unsigned long near32 = 0xfffffff0UL;
  bool fits = (size_t) near32 <= Bytes::max_len();
  if (!fits) {
    errno = 0;
    t.testrun(!s.append("x", (size_t) near32) && errno == ENOMEM &&
                  s.equals("keep"),
              "length near 2^32 refused on a 32-bit build");
  } else {
    t.testrun(sizeof(size_t) > 4, "length near 2^32 representable (64-bit)");
  }
  Bytes a, c;
  a.copy("one");
  c.copy("two");
  a.swap(c);
  t.testrun(a.equals("two") && c.equals("one"), "swap");
  a.reset();
  t.testrun(a.len() == 0 && a.capacity() == 0, "reset");
  return 0;
}
