// dnsptr: print the name that a PTR record gives an IP address.
//
// "dnsptr ip" (IPv4 or IPv6); a helper of the config script, run with any
// uid.  Exit 0 with the name on standard output; 111 "soft error", 100
// "hard error" (no PTR record, or not an address) on standard error; 100
// silently without an argument.
#include "config.h"

#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/fd.h"
#include "src/lib/net.h"
#include "src/mail/dnsdoe.h"

int main(int, char** argv) {
  if (!argv[1]) _exit(100);
  char ip[16];
  Bytes name;
  int r = 0;
  if (ip_scan_all(argv[1], ip))
    r = ip_is_v4(ip) ? dns_ptr4(name, ip + 12) : dns_ptr6(name, ip);
  if (r <= 0 || !name.append_byte('\n')) {
    int code;
    write_cstr(2, dnsdoe_text(r, &code));
    _exit(code);
  }
  return write_all(1, name.data(), name.len()) ? 0 : 111;
}
