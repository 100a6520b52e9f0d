// Unit tests for the cdb reader and writer: the hash vectors of
// spec/cdb.md §9, byte-identical output for vectors V0..V4 (golden files
// made by tinycdb's cdb -c; argv[1] is their directory), lookups with
// duplicates, and malformed files refused with EPROTO.
#include "qtest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/lib/cdbmake.h"
#include "src/lib/control.h"
#include "src/lib/fd.h"

struct Rec {
  const char* k;
  size_t kl;
  const char* d;
  size_t dl;
};

static bool build(const char* path, const Rec* r, size_t n) {
  int fd = open_trunc("tmp.cdb", 0644);
  if (fd == -1) return false;
  CdbMake m;
  if (!m.start(fd)) return false;
  for (size_t i = 0; i < n; ++i)
    if (!m.add(r[i].k, r[i].kl, r[i].d, r[i].dl)) return false;
  return m.finish() && file_commit(fd, "tmp.cdb", path);
}

static bool same_file(const char* a, const std::string& b) {
  Bytes x, y;
  return file_read_all(x, a) == 1 && file_read_all(y, b.c_str()) == 1 &&
         x.len() == y.len() && memcmp(x.data(), y.data(), x.len()) == 0;
}

static std::string lookup(const char* file, const char* key, size_t kl,
                          int nth, int* result) {
  int fd = open_read(file);
  Cdb c;
  c.init(fd);
  int r = c.find(key, kl);
  for (int i = 1; r == 1 && i < nth; ++i) r = c.find_next(key, kl);
  *result = r;
  std::string s;
  Bytes d;
  if (r == 1 && c.read_data(d)) s.assign(d.data(), d.len());
  c.close();
  close(fd);
  return s;
}

static void write_raw(const char* path, const char* data, size_t n) {
  int fd = open_trunc(path, 0644);
  write(fd, data, n);
  close(fd);
}

int main(int argc, char** argv) {
  TestState t;
  std::string data = argc > 1 ? argv[1] : "../data/cdb";
  char dir[] = "/tmp/qmcdbXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;

  struct {
    const char* k;
    size_t n;
    unsigned long h;
  } hv[] = {
    {"", 0, 0x1505}, {"a", 1, 0x2b5c4}, {"one", 3, 0x0b875b81},
    {"two", 3, 0x0b876029}, {"hello", 5, 0x0a9cede7},
    {"127.0.0.1", 9, 0x5478120e}, {"\xff\xfe", 2, 0x00596064},
    {"=", 1, 0x2b598}, {"joe@127.0.0.1", 13, 0x01ac390e},
    {"1.2.3.4", 7, 0x3c4cfacf}, {"RELAYCLIENT", 11, 0x6009593f},
  };
  bool ok = true;
  for (size_t i = 0; i < sizeof hv / sizeof hv[0]; ++i)
    if (cdb_hash(hv[i].k, hv[i].n) != hv[i].h) ok = false;
  t.testrun(ok, "hash vectors H1..H14 (unsigned bytes)");

  t.testrun(build("v0.cdb", 0, 0) && same_file("v0.cdb", data + "/v0.cdb"),
            "V0 empty database identical");
  Rec v1[] = {{"one", 3, "Hello", 5}, {"two", 3, "Goodbye", 7}};
  t.testrun(build("v1.cdb", v1, 2) && same_file("v1.cdb", data + "/v1.cdb"),
            "V1 two records identical");
  Rec v2[] = {{"hi", 2, "1", 1}, {"pq", 2, "2", 1}, {"xy", 2, "3", 1},
              {"hi", 2, "4", 1}};
  t.testrun(build("v2.cdb", v2, 4) && same_file("v2.cdb", data + "/v2.cdb"),
            "V2 collisions and duplicate key identical");
  Rec v3[] = {{"\xff\xfe", 2, "\0\1", 2}, {"", 0, "empty key", 9}};
  t.testrun(build("v3.cdb", v3, 2) && same_file("v3.cdb", data + "/v3.cdb"),
            "V3 empty key, high bytes, NUL data identical");
  Rec v4[] = {{"1.2.3.4", 7, "D\0", 2}, {"", 0, "+X=y\0", 5}};
  t.testrun(build("v4.cdb", v4, 2) && same_file("v4.cdb", data + "/v4.cdb"),
            "V4 tcprules records identical");

  int r;
  t.testrun(lookup("v2.cdb", "hi", 2, 1, &r) == "1" && r == 1,
            "V2 hi first is 1");
  t.testrun(lookup("v2.cdb", "hi", 2, 2, &r) == "4" && r == 1,
            "V2 hi next is 4");
  lookup("v2.cdb", "hi", 2, 3, &r);
  t.testrun(r == 0, "V2 hi third not found");
  t.testrun(lookup("v2.cdb", "pq", 2, 1, &r) == "2", "V2 pq");
  lookup("v2.cdb", "zz", 2, 1, &r);
  t.testrun(r == 0, "V2 zz not found");
  t.testrun(lookup("v3.cdb", "", 0, 1, &r) == "empty key", "V3 empty key");
  t.testrun(lookup("v3.cdb", "\xff\xfe", 2, 1, &r) == std::string("\0\1", 2),
            "V3 binary key");
  lookup("v0.cdb", "a", 1, 1, &r);
  t.testrun(r == 0, "V0 lookup finds nothing");

  Bytes out;
  t.testrun(cdb_lookup_file("v1.cdb", "two", 3, out, false) == 1 &&
                out.equals("Goodbye"),
            "cdb_lookup_file");
  errno = 0;
  t.testrun(cdb_lookup_file("nope.cdb", "two", 3, out, true) == 0,
            "missing file ok when allowed");
  t.testrun(cdb_lookup_file("nope.cdb", "two", 3, out, false) == -1 &&
                errno == ENOENT,
            "missing file error otherwise");

  // Malformed files.
  write_raw("g.cdb", "hello", 5);
  errno = 0;
  lookup("g.cdb", "x", 1, 1, &r);
  t.testrun(r == -1 && errno == EPROTO, "5-byte garbage: protocol error");
  Bytes v1b;
  file_read_all(v1b, "v1.cdb");
  write_raw("trunc.cdb", v1b.data(), 2100);
  errno = 0;
  lookup("trunc.cdb", "one", 3, 1, &r);
  t.testrun(r == -1 && errno == EPROTO, "truncated table: protocol error");
  // Header entry for "one" (table 129) claiming a huge table.
  Bytes bad;
  bad.copy(v1b.data(), v1b.len());
  memcpy(bad.data() + 129 * 8 + 4, "\xff\xff\xff\x7f", 4);
  write_raw("huge.cdb", bad.data(), bad.len());
  errno = 0;
  lookup("huge.cdb", "one", 3, 1, &r);
  t.testrun(r == -1 && errno == EPROTO, "oversized table count refused");
  // Slot pointing past the end of file.
  bad.copy(v1b.data(), v1b.len());
  memcpy(bad.data() + 0x832 + 12, "\xf0\xff\xff\xff", 4);
  write_raw("ptr.cdb", bad.data(), bad.len());
  errno = 0;
  lookup("ptr.cdb", "one", 3, 1, &r);
  t.testrun(r == -1 && errno == EPROTO, "record pointer past end refused");
  // Record claiming a data length past the end.
  bad.copy(v1b.data(), v1b.len());
  memcpy(bad.data() + 0x800 + 4, "\xff\xff\xff\xff", 4);
  write_raw("dlen.cdb", bad.data(), bad.len());
  errno = 0;
  lookup("dlen.cdb", "one", 3, 1, &r);
  t.testrun(r == -1 && errno == EPROTO, "data length past end refused");

  // Writer limits: a record that would pass 4 GiB is refused (the data
  // pointer is never read because the length check comes first).
  int fd = open_trunc("big.tmp", 0644);
  CdbMake m;
  m.start(fd);
  errno = 0;
  t.testrun(!m.add("k", 1, "", 0xfffffff0UL) && errno == ENOMEM,
            "record beyond 4 GiB refused");
  t.testrun(m.add("k", 1, "v", 1) && m.finish(), "writer still usable after refusal");
  close(fd);

  system((std::string("rm -rf ") + dir).c_str());
  return 0;
}
