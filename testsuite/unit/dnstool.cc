// dnstool: test driver for src/lib/dns.  "dnstool KIND NAME" with KIND
// ip4, ip6, ip, ptr (NAME is an address), mx, txt or cname; prints one
// result per line, then "= 1", "= 0" or "= -1 ERRTEXT".  Test code only.
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <string>
#include "src/lib/bytes.h"
#include "src/lib/dns.h"
#include "src/lib/errstr.h"
#include "src/lib/net.h"

static void print_ips(const Bytes& b, size_t size, bool v6) {
  char buf[kIpFmt];
  for (size_t i = 0; i + size <= b.len(); i += size) {
    char ip[16];
    if (size == 4)
      ip_from4(ip, b.data() + i);
    else
      memcpy(ip, b.data() + i, 16);
    size_t n = v6 ? ip6_fmt(buf, ip) : ip_fmt(buf, ip);
    printf("%.*s\n", (int) n, buf);
  }
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: dnstool kind name\n");
    return 100;
  }
  std::string kind = argv[1];
  const char* name = argv[2];
  size_t n = strlen(name);
  Bytes out;
  int r = -1;
  errno = 0;
  if (kind == "ip4") {
    r = dns_ip4(out, name, n);
    if (r == 1) print_ips(out, 4, false);
  } else if (kind == "ip6") {
    r = dns_ip6(out, name, n);
    if (r == 1) print_ips(out, 16, true);
  } else if (kind == "ip") {
    r = dns_ip(out, name, n);
    if (r == 1) print_ips(out, 16, false);
  } else if (kind == "ptr") {
    char ip[16];
    if (!ip_scan_all(name, ip)) return 100;
    r = dns_ptr6(out, ip);
    if (r == 1) printf("%s\n", out.c_str());
  } else if (kind == "mx") {
    r = dns_mx(out, name, n);
    for (size_t i = 0; r == 1 && i + 3 <= out.len();) {
      unsigned int pref = ((unsigned char) out.data()[i] << 8) |
                          (unsigned char) out.data()[i + 1];
      const char* h = out.data() + i + 2;
      printf("%u %s\n", pref, h);
      i += 2 + strlen(h) + 1;
    }
  } else if (kind == "txt") {
    r = dns_txt(out, name, n);
    if (r == 1) printf("%s\n", out.c_str());
  } else if (kind == "cname") {
    r = dns_cname(out, name, n);
    if (r >= 0) printf("%s\n", out.c_str());
  } else {
    return 100;
  }
  if (r == -1)
    printf("= -1 %s\n", errstr(errno));
  else
    printf("= %d\n", r);
  return 0;
}
