// Unit tests for option parsing (ucspi-tcp.md §0.3).
#include "qtest.h"

#include <string>
#include "src/lib/opt.h"

static std::string run(int argc, const char** argv, const char* spec) {
  OptState st;
  opt_init(&st);
  std::string s;
  int c;
  while ((c = opt_next(&st, argc, (char* const*) argv, spec)) != -1) {
    s += (char) c;
    if (st.arg) s += "[" + std::string(st.arg) + "]";
  }
  s += "|" + std::string(st.ind < argc ? argv[st.ind] : "END");
  return s;
}

int main() {
  TestState t;
  const char* a1[] = {"p", "-RHl0", "host", 0};
  t.testrun(run(3, a1, "RHl:") == "RHl[0]|host", "cluster with attached arg");
  const char* a2[] = {"p", "-c10", "-c", "20", "x", 0};
  t.testrun(run(5, a2, "c:") == "c[10]c[20]|x", "attached and separate");
  const char* a3[] = {"p", "--", "-v", 0};
  t.testrun(run(3, a3, "v") == "|-v", "-- ends options");
  const char* a4[] = {"p", "-v", "file", "-v", 0};
  t.testrun(run(4, a4, "v") == "v|file", "first operand ends options");
  const char* a5[] = {"p", "-z", "x", 0};
  t.testrun(run(3, a5, "v") == "?|x", "illegal option gives ?");
  const char* a6[] = {"p", "-c", 0};
  t.testrun(run(2, a6, "c:") == "?|END", "missing argument gives ?");
  const char* a7[] = {"p", "-", 0};
  t.testrun(run(2, a7, "v") == "|-", "lone - is an operand");
  const char* a8[] = {"p", 0};
  t.testrun(run(1, a8, "v") == "|END", "no arguments");
  return 0;
}
