// Unit tests for the errno phrases scripts compare (ucspi-tcp.md §0.2).
#include "qtest.h"

#include <errno.h>
#include <string>
#include "src/lib/errstr.h"

int main() {
  TestState t;
  struct {
    int e;
    const char* s;
  } cases[] = {
    {ENOENT, "file does not exist"}, {EACCES, "access denied"},
    {EPERM, "permission denied"}, {ECONNREFUSED, "connection refused"},
    {EADDRINUSE, "address already used"},
    {EADDRNOTAVAIL, "address not available"}, {ETIMEDOUT, "timed out"},
    {EAGAIN, "temporary failure"}, {EINTR, "interrupted system call"},
    {EBADF, "file descriptor not open"}, {EPROTO, "protocol error"},
    {EINVAL, "invalid argument"}, {EISDIR, "is a directory"},
    {ENOTDIR, "not a directory"}, {EXDEV, "cross-device link"},
    {ENOSPC, "out of disk space"}, {EROFS, "read-only file system"},
    {EPIPE, "broken pipe"}, {ENOMEM, "out of memory"},
    {EHOSTUNREACH, "host unreachable"}, {ENETUNREACH, "network unreachable"},
    {ECONNRESET, "connection reset"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i)
    t.testrun(std::string(errstr(cases[i].e)) == cases[i].s,
              std::string("phrase ") + cases[i].s);
  t.testrun(std::string(errstr(99999)) == "unknown error", "unknown errno");
  t.testrun(!err_temporary(ENOENT) && err_temporary(ENOMEM) &&
                err_temporary(ETIMEDOUT),
            "err_temporary");
  return 0;
}
