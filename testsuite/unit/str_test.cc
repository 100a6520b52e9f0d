// Unit tests for byte/string/case helpers.
#include "qtest.h"

#include "src/lib/str.h"

int main() {
  TestState t;
  t.testrun(byte_chr("abcabc", 6, 'c') == 2 && byte_chr("abc", 3, 'x') == 3,
            "byte_chr");
  t.testrun(byte_rchr("abcabc", 6, 'a') == 3 && byte_rchr("abc", 3, 'x') == 3,
            "byte_rchr");
  t.testrun(byte_chr("", 0, 'a') == 0, "byte_chr empty");
  t.testrun(case_equal("Example.COM", 11, "example.com", 11), "case_equal");
  t.testrun(!case_equal("example.com", 11, "example.co", 10), "lengths differ");
  t.testrun(case_diff("a", 1, "B", 1) < 0 && case_diff("b", 1, "A", 1) > 0,
            "case_diff order");
  t.testrun(case_diff("ab", 2, "a", 1) > 0 && case_diff("", 0, "", 0) == 0,
            "prefix ordering");
  t.testrun(!case_equal("\xc4", 1, "\xe4", 1), "bytes >= 0x80 not folded");
  t.testrun(case_starts("HELO x", 6, "helo") && !case_starts("he", 2, "helo"),
            "case_starts");
  t.testrun(case_ends("mx.Example.NET", 14, ".example.net", 12), "case_ends");
  char s[] = "MiXeD-123";
  case_lower(s, 9);
  t.testrun(str_equal(s, "mixed-123"), "case_lower");
  t.testrun(str_starts("qmail-send", "qmail-") && !str_starts("q", "qmail"),
            "str_starts");
  return 0;
}
