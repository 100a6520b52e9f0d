// dnsfq: print the fully qualified name of a host: the PTR name of its
// first address.
//
// "dnsfq host"; the config script's way from the host name to control/me,
// run with any uid.  The first IPv4 address is preferred (qmail 1.03
// looked only at A records), else the first IPv6 one.  Exit 0 with the
// name on standard output; 100 "no IP addresses", 111 "soft error", 100
// "hard error" on standard error; 100 silently without an argument.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/fd.h"
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
  if (r < 0) die(r);
  if (r == 0 || a.len() < 16) {
    write_cstr(2, "no IP addresses\n");
    _exit(100);
  }
  const char* ip = a.data();
  for (size_t i = 0; i + 16 <= a.len(); i += 16)
    if (ip_is_v4(a.data() + i)) {
      ip = a.data() + i;
      break;
    }
  Bytes name;
  r = ip_is_v4(ip) ? dns_ptr4(name, ip + 12) : dns_ptr6(name, ip);
  if (r <= 0) die(r);
  if (!name.append_byte('\n')) die(-1);
  return write_all(1, name.data(), name.len()) ? 0 : 111;
}
