// Unit tests for Input/Output: lines, overlong lines, exact reads, EOF,
// timeouts, a replaced transfer function, and big writes.
#include "qtest.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/io.h"

static int pipe_with(const char* data, size_t n) {
  int p[2];
  if (pipe(p) == -1) return -1;
  if (n) write(p[1], data, n);
  close(p[1]);
  return p[0];
}

static long rot_op(int fd, char* buf, size_t len, void* ctx) {
  long r = read(fd, buf, len);
  for (long i = 0; i < r; ++i) buf[i] = (char) (buf[i] + 1);
  ++*(int*) ctx;
  return r;
}

int main() {
  TestState t;
  char buf[8];
  Bytes line;
  int fd = pipe_with("ab\ncdefghijkl\n\nlast", 19);
  Input in(fd, buf, sizeof buf);
  t.testrun(in.get_line(line, '\n') == 1 && line.equals("ab\n"), "first line");
  t.testrun(in.get_line(line, '\n') == 1 && line.equals("cdefghijkl\n"),
            "line longer than buffer");
  t.testrun(in.get_line(line, '\n') == 1 && line.equals("\n"), "empty line");
  t.testrun(in.get_line(line, '\n') == 0 && line.equals("last"),
            "unterminated rest at eof");
  t.testrun(in.get_line(line, '\n') == 0 && line.len() == 0, "eof again");
  close(fd);

  fd = pipe_with("0123456789ABCDEF\nok\n", 20);
  Input in2(fd, buf, sizeof buf);
  t.testrun(in2.get_line(line, '\n', 5) == 2 && line.equals("01234"),
            "overlong line truncated, reported");
  t.testrun(in2.get_line(line, '\n', 5) == 1 && line.equals("ok\n"),
            "next line intact after overlong");
  close(fd);

  fd = pipe_with("abcdef", 6);
  Input in3(fd, buf, sizeof buf);
  char out[8];
  t.testrun(in3.get_exact(out, 4) == 1 && memcmp(out, "abcd", 4) == 0,
            "get_exact");
  t.testrun(in3.get_exact(out, 4) == 0, "get_exact short at eof");
  close(fd);

  fd = pipe_with("a\0b\n", 4);
  Input in4(fd, buf, sizeof buf);
  t.testrun(in4.get_line(line, '\n') == 1 && line.len() == 4 && line.has_nul(),
            "NUL inside a line");
  close(fd);

  // Timeout: a pipe with a live writer and no data.
  int p[2];
  pipe(p);
  Input in5(p[0], buf, sizeof buf);
  in5.set_timeout(1);
  errno = 0;
  long r = in5.get(out, 1);
  t.testrun(r == -1 && errno == ETIMEDOUT, "read timeout gives ETIMEDOUT");
  close(p[0]);
  close(p[1]);

  // Replaced transfer function.
  int calls = 0;
  fd = pipe_with("HAL", 3);
  Input in6(fd, buf, sizeof buf);
  in6.set_op(rot_op, &calls);
  t.testrun(in6.get_exact(out, 3) == 1 && memcmp(out, "IBM", 3) == 0 &&
                calls >= 1,
            "custom op");
  close(fd);

  // Output: buffering, flush, big write bypass, put_ulong.
  pipe(p);
  char obuf[16];
  Output o(p[1], obuf, sizeof obuf);
  std::string big(5000, 'x');
  bool ok = o.puts("hello ") && o.put_ulong(42) && o.put_char('\n');
  t.testrun(ok && o.pending() == 9, "output buffered");
  ok = o.put(big.data(), big.size()) && o.flush();
  close(p[1]);
  std::string got;
  char rb[1024];
  long n;
  while ((n = read(p[0], rb, sizeof rb)) > 0) got.append(rb, (size_t) n);
  close(p[0]);
  t.testrun(ok && got == "hello 42\n" + big, "output content and order");

  // Writing to a closed pipe fails with EPIPE (SIGPIPE ignored).
  signal(SIGPIPE, SIG_IGN);
  pipe(p);
  close(p[0]);
  Output o2(p[1], obuf, sizeof obuf);
  errno = 0;
  t.testrun(o2.puts("x") && !o2.flush() && errno == EPIPE, "EPIPE reported");
  close(p[1]);
  return 0;
}
