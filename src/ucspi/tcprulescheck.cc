// tcprulescheck: show which tcprules rule a connection would meet.
//
// Usage: tcprulescheck rules.cdb
// Run by hand, under any uid.  Looks up the connection described by its
// own environment (TCPREMOTEIP, default 0.0.0.0; TCPREMOTEHOST and
// TCPREMOTEINFO when set, even if empty) in the database exactly as
// tcpserver -x does, and prints the rule, the variables it sets and
// whether the connection is allowed.  Trusts nothing in the file: a
// corrupt database is reported, not followed.  Exit codes: 0 done,
// 100 usage, 111 unable to read the database or to write the report.
#include "config.h"

#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/rules.h"

static void die_usage() {
  msg_usage("tcprulescheck rules.cdb");
  _exit(100);
}
static void die_read(const char* fn) {
  msg_fatal_sys("unable to read ", fn);
  _exit(111);
}
static void die_write() {
  msg_fatal_sys("unable to write output");
  _exit(111);
}

static void put(Output& out, const char* s, size_t n) {
  if (!out.put(s, n)) die_write();
}
static void say(Output& out, const char* s) {
  if (!out.puts(s)) die_write();
}
static void done(Output& out) {
  if (!out.flush()) die_write();
  _exit(0);
}

int main(int argc, char** argv) {
  msg_init("tcprulescheck");
  if (argc < 2) die_usage();
  const char* fn = argv[1];
  const char* ip = env_get("TCPREMOTEIP");
  if (!ip) ip = "0.0.0.0";

  char buf[1024];
  Output out(1, buf, sizeof buf);
  Bytes key;
  Bytes data;
  int fd = open_read(fn);
  if (fd == -1) die_read(fn);
  int r = rules_find(fd, ip, env_get("TCPREMOTEHOST"),
                     env_get("TCPREMOTEINFO"), key, data);
  if (r == -1) die_read(fn);
  close(fd);
  if (r == 0) {
    say(out, "default:\nallow connection\n");
    done(out);
  }
  say(out, "rule ");
  put(out, key.data(), key.len());
  say(out, ":\n");
  size_t pos = 0;
  const char* item;
  size_t len;
  while (rules_item(data, &pos, &item, &len)) {
    const char* name;
    const char* value;
    size_t nlen, vlen;
    if (len && item[0] == 'D') {
      say(out, "deny connection\n");
      done(out);
    }
    if (rules_setting(item, len, &name, &nlen, &value, &vlen)) {
      say(out, "set environment variable ");
      put(out, name, nlen);
      say(out, "=");
      put(out, value, vlen);
      say(out, "\n");
    }
  }
  say(out, "allow connection\n");
  done(out);
  return 0;
}
