// ipmeprint: print the addresses qmail-remote treats as this host.
//
// A helper of the config script and a debugging aid; run with any uid.
// Prints one address per line: the interface addresses, 127.0.0.1,
// 0.0.0.0 and, with IPv6, "::" (src/lib/net.h net_ipme).  Exit 0; 111
// with "ipmeprint: fatal: ..." when the interfaces cannot be listed.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/net.h"

int main() {
  msg_init("ipmeprint");
  Bytes ipme;
  if (!net_ipme(ipme)) {
    if (errno == ENOMEM)
      msg_fatal("out of memory");
    else
      msg_fatal_sys("unable to list the network interfaces");
    _exit(111);
  }
  char buf[1024];
  Output out(1, buf, sizeof buf);
  for (size_t i = 0; i + 16 <= ipme.len(); i += 16) {
    char s[kIpFmt];
    out.put(s, ip_fmt(s, ipme.data() + i));
    out.put("\n", 1);
  }
  return out.flush() ? 0 : 111;
}
