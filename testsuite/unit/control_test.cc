// Unit tests for control file reading (qmail-control(5) rules).
#include "qtest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/control.h"

static void put(const char* path, const char* data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  write(fd, data, strlen(data));
  close(fd);
}

static std::string entries(const Bytes& b) {
  std::string s;
  size_t pos = 0;
  const char* e;
  size_t n;
  while (list_next(b, &pos, &e, &n)) s += std::string(e, n) + "|";
  return s;
}

int main() {
  TestState t;
  char dir[] = "/tmp/qmctlXXXXXX";
  if (!mkdtemp(dir)) return 1;
  if (chdir(dir) == -1) return 1;
  Bytes b;
  unsigned long u = 99;

  t.testrun(control_read_line(b, "missing") == 0, "line: missing is 0");
  put("me", "mx.example.org \t\nsecond line\n");
  t.testrun(control_read_line(b, "me") == 1 && b.equals("mx.example.org"),
            "line: first line, trailing blanks stripped");
  put("empty", "");
  t.testrun(control_read_line(b, "empty") == 1 && b.equals(""),
            "line: empty file is empty string");
  put("nonl", "host");
  t.testrun(control_read_line(b, "nonl") == 1 && b.equals("host"),
            "line: no trailing newline");
  put("lead", "  x  \n");
  t.testrun(control_read_line(b, "lead") == 1 && b.equals("  x"),
            "line: leading blanks kept");

  put("num", "60 seconds\n");
  t.testrun(control_read_ulong("num", &u) == 1 && u == 60, "number: 60 seconds");
  u = 99;
  put("bad", "abc\n");
  t.testrun(control_read_ulong("bad", &u) == 0 && u == 99,
            "number: non-digit keeps default");
  t.testrun(control_read_ulong("missing", &u) == 0 && u == 99,
            "number: missing keeps default");
  put("huge", "999999999999999999999999999\n");
  t.testrun(control_read_ulong("huge", &u) == 0 && u == 99,
            "number: overflow keeps default");

  put("list", "a.example\n# comment\n\nb.example  \n  \n#x\nc\n");
  t.testrun(control_read_list(b, "list") == 1 &&
                entries(b) == "a.example|b.example|c|",
            "list: comments, blanks and trailing spaces");
  put("list2", "one\ntwo");
  t.testrun(control_read_list(b, "list2") == 1 && entries(b) == "one|two|",
            "list: last line without newline");
  t.testrun(control_read_list(b, "missing") == 0 && b.len() == 0,
            "list: missing");

  if (geteuid() != 0) {
    put("secret", "x\n");
    chmod("secret", 0);
    t.testrun(control_read_line(b, "secret") == -1 && errno == EACCES,
              "unreadable file is an error");
  } else {
    mkdir("dir", 0755);
    t.testrun(control_read_line(b, "dir") == -1 && errno == EISDIR,
              "a directory is an error");
  }
  system((std::string("rm -rf ") + dir).c_str());
  return 0;
}
