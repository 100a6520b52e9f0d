// dnscname: print the canonical name of a host (the end of its CNAME
// chain, or the name itself).
//
// "dnscname host"; a helper of the config script, run with any uid.
// Trusts DNS answers as dns.h checks them.  Exit 0 with the name on
// standard output; 111 "soft error", 100 "hard error" (standard error);
// 100 silently without an argument.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/fd.h"
#include "src/mail/dnsdoe.h"

int main(int, char** argv) {
  if (!argv[1]) _exit(100);
  Bytes name;
  int r = dns_cname(name, argv[1], strlen(argv[1]));
  if (r < 0 || !name.append_byte('\n')) {
    int code;
    write_cstr(2, dnsdoe_text(-1, &code));
    _exit(code);
  }
  return write_all(1, name.data(), name.len()) ? 0 : 111;
}
