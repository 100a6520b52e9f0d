// cdbtool: test driver for the cdb modules.
//   cdbtool make target tmp   read cdbmake-format records on stdin, write
//                             target atomically with CdbMake
//   cdbtool get file key [n]  print the data of the n-th record (default 1)
//   cdbtool dump file         print every record in cdbmake format
//   cdbtool gen seed count    print deterministic random records in
//                             cdbmake format (same on every architecture)
// Exit 0 success, 100 not found / bad input, 111 system error.
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat/uint32.h"
#include "src/lib/bytes.h"
#include "src/lib/cdb.h"
#include "src/lib/cdbmake.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/scan.h"

static void die(int code, const char* what) {
  msg_fatal_sys(what);
  _exit(code);
}

static bool read_num(Input& in, char end, unsigned long* u) {
  *u = 0;
  int digits = 0;
  for (;;) {
    char c;
    if (in.get_char(&c) != 1) return false;
    if (c == end) return digits > 0;
    if (c < '0' || c > '9') return false;
    *u = *u * 10 + (unsigned long) (c - '0');
    ++digits;
  }
}

static int do_make(const char* target, const char* tmp) {
  char buf[4096];
  Input in(0, buf, sizeof buf);
  int fd = open_trunc(tmp, 0644);
  if (fd == -1) die(111, "unable to create tmp");
  CdbMake m;
  if (!m.start(fd)) die(111, "unable to write");
  Bytes k, d;
  for (;;) {
    char c;
    if (in.get_char(&c) != 1) die(100, "bad input");
    if (c == '\n') break;
    unsigned long kl = 0, dl = 0;
    if (c != '+' || !read_num(in, ',', &kl) || !read_num(in, ':', &dl))
      die(100, "bad input");
    if (!k.reserve(kl) || !d.reserve(dl)) die(111, "out of memory");
    if (in.get_exact(k.data(), kl) != 1) die(100, "bad input");
    k.set_len(kl);
    char arrow[2];
    if (in.get_exact(arrow, 2) != 1 || arrow[0] != '-' || arrow[1] != '>')
      die(100, "bad input");
    if (in.get_exact(d.data(), dl) != 1) die(100, "bad input");
    d.set_len(dl);
    if (in.get_char(&c) != 1 || c != '\n') die(100, "bad input");
    if (!m.add(k.data(), k.len(), d.data(), d.len())) die(111, "unable to add");
  }
  if (!m.finish()) die(111, "unable to finish");
  if (!file_commit(fd, tmp, target)) die(111, "unable to commit");
  return 0;
}

static int do_get(const char* file, const char* key, unsigned long n) {
  int fd = open_read(file);
  if (fd == -1) die(111, "unable to open");
  Cdb c;
  c.init(fd);
  int r = c.find(key, strlen(key));
  for (unsigned long i = 1; r == 1 && i < n; ++i) r = c.find_next(key, strlen(key));
  if (r == -1) die(111, "unable to read");
  if (r == 0) _exit(100);
  Bytes d;
  if (!c.read_data(d)) die(111, "unable to read");
  write_all(1, d.data(), d.len());
  return 0;
}

static int do_dump(const char* file) {
  int fd = open_read(file);
  if (fd == -1) die(111, "unable to open");
  Cdb c;
  c.init(fd);
  char h[8];
  if (!c.read(h, 4, 0)) die(111, "unable to read");
  qm_uint32 end = qm_uint32_unpack(h);
  qm_uint32 pos = 2048;
  Bytes out;
  while (pos < end) {
    if (!c.read(h, 8, pos)) die(111, "unable to read");
    qm_uint32 kl = qm_uint32_unpack(h), dl = qm_uint32_unpack(h + 4);
    Bytes k, d;
    k.reserve(kl);
    d.reserve(dl);
    if (!c.read(k.data(), kl, pos + 8) || !c.read(d.data(), dl, pos + 8 + kl))
      die(111, "unable to read");
    k.set_len(kl);
    d.set_len(dl);
    out.append("+");
    out.append_ulong(kl);
    out.append(",");
    out.append_ulong(dl);
    out.append(":");
    out.append(k);
    out.append("->");
    out.append(d);
    out.append("\n");
    pos += 8 + kl + dl;
  }
  out.append("\n");
  write_all(1, out.data(), out.len());
  return 0;
}

// A 32-bit LCG, so the same seed gives the same records everywhere.
static qm_uint32 g_state;
static qm_uint32 rnd() {
  g_state = (g_state * 1103515245UL + 12345UL) & 0xffffffffUL;
  return g_state >> 8;
}

static int do_gen(unsigned long seed, unsigned long count) {
  g_state = (qm_uint32) seed;
  Bytes out, keys;
  Bytes prev[8];
  for (unsigned long i = 0; i < count; ++i) {
    Bytes k, d;
    // One record in eight repeats an earlier key (duplicates are legal).
    if (i > 8 && rnd() % 8 == 0) {
      k.copy(prev[rnd() % 8]);
    } else {
      unsigned long kl = rnd() % 41;
      for (unsigned long j = 0; j < kl; ++j) k.append_byte((char) (rnd() & 255));
    }
    unsigned long dl = rnd() % 30;
    for (unsigned long j = 0; j < dl; ++j) d.append_byte((char) (rnd() & 255));
    prev[i % 8].copy(k);
    out.append("+");
    out.append_ulong(k.len());
    out.append(",");
    out.append_ulong(d.len());
    out.append(":");
    out.append(k);
    out.append("->");
    out.append(d);
    out.append("\n");
  }
  out.append("\n");
  write_all(1, out.data(), out.len());
  return 0;
}

int main(int argc, char** argv) {
  msg_init("cdbtool");
  unsigned long a = 0, b = 1;
  if (argc == 4 && !strcmp(argv[1], "make")) return do_make(argv[2], argv[3]);
  if ((argc == 4 || argc == 5) && !strcmp(argv[1], "get")) {
    if (argc == 5) scan_ulong_cstr(argv[4], &b);
    return do_get(argv[2], argv[3], b);
  }
  if (argc == 3 && !strcmp(argv[1], "dump")) return do_dump(argv[2]);
  if (argc == 4 && !strcmp(argv[1], "gen")) {
    scan_ulong_cstr(argv[2], &a);
    scan_ulong_cstr(argv[3], &b);
    return do_gen(a, b);
  }
  msg_usage("cdbtool make|get|dump|gen ...");
  return 100;
}
