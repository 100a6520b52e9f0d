// dnsip: print the IP addresses of a host, one per line.
//
// "dnsip host"; a helper of the config script, run with any uid.  IPv4
// addresses come first (the qmail 1.03 output), then IPv6 ones.  An
// address literal is printed back without a query.  Exit 0; 111 "soft
// error", 100 "hard error" (no such host or no address) on standard
// error; 100 silently without an argument.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/net.h"
#include "src/mail/dnsdoe.h"

static void die(int r) {
  int code;
  write_cstr(2, dnsdoe_text(r, &code));
  _exit(code);
}

int main(int, char** argv) {
  if (!argv[1]) _exit(100);
  Bytes a;
  int r = dns_ip(a, argv[1], strlen(argv[1]));
  if (r <= 0) die(r);
  char buf[1024];
  Output out(1, buf, sizeof buf);
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i + 16 <= a.len(); i += 16) {
      const char* ip = a.data() + i;
      if (ip_is_v4(ip) != (pass == 0)) continue;
      char s[kIpFmt];
      out.put(s, ip_fmt(s, ip));
      out.put("\n", 1);
    }
  return out.flush() ? 0 : 111;
}
