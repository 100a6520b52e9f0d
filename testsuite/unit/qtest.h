// qtest.h: the unit-test reporting interface.  On the build machine this
// is DejaGnu's own dejagnu.h (class TestState); where that header is not
// available (cross builds, old hosts) a minimal class with the same
// methods prints the same protocol lines ("\tPASSED: name").  Test code
// only; may use the C++ library.
#ifndef QM_TESTSUITE_QTEST_H
#define QM_TESTSUITE_QTEST_H

#include "config.h"

#include <string>

#ifdef HAVE_DEJAGNU_H
#include <dejagnu.h>
#else
#include <stdio.h>

class TestState {
 public:
  TestState() : passed_(0), failed_(0) {}
  ~TestState() { totals(); }
  void testrun(bool b, std::string s) {
    if (b)
      pass(s);
    else
      fail(s);
  }
  void pass(std::string s) { ++passed_; say("PASSED", s); }
  void fail(std::string s) { ++failed_; say("FAILED", s); }
  void untested(std::string s) { say("UNTESTED", s); }
  void unresolved(std::string s) { say("UNRESOLVED", s); }
  void xfail(std::string s) { say("XFAILED", s); }
  void xpass(std::string s) { say("XPASSED", s); }
  void totals() {
    printf("\nTotals:\n\t#passed:\t\t%d\n\t#real failed:\t\t%d\n", passed_,
           failed_);
    fflush(stdout);
  }

 private:
  void say(const char* kind, const std::string& s) {
    printf("\t%s: %s\n", kind, s.c_str());
    fflush(stdout);
  }
  int passed_;
  int failed_;
};
#endif

// Helpers shared by the unit tests.
inline std::string qt_str(const char* p, size_t n) { return std::string(p, n); }

#endif
