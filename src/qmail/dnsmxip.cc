// dnsmxip: print the addresses qmail-remote would try for a domain, in
// order, each with its MX preference ("ip pref" per line).
//
// "dnsmxip host"; a debugging helper, run with any uid.  Equal
// preferences come out in a random order, as for qmail-remote.  Exit 0;
// 111 "soft error", 100 "hard error" (no such host) on standard error;
// 100 silently without an argument.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/date.h"
#include "src/lib/fd.h"
#include "src/lib/io.h"
#include "src/lib/net.h"
#include "src/mail/dnsdoe.h"
#include "src/mail/mxip.h"

static void die(int r) {
  int code;
  write_cstr(2, dnsdoe_text(r, &code));
  _exit(code);
}

int main(int, char** argv) {
  if (!argv[1]) _exit(100);
  MxList addrs;
  int r = mx_mxip(addrs, argv[1], strlen(argv[1]),
                  now_sec() + (unsigned long) getpid(), false);
  if (r == kMxNomem) {
    errno = ENOMEM;
    die(-1);
  }
  if (r == kMxSoft) {
    errno = EAGAIN;
    die(-1);
  }
  if (r == kMxHard) die(0);
  char buf[1024];
  Output out(1, buf, sizeof buf);
  for (size_t i = 0; i < addrs.size(); ++i) {
    char s[kIpFmt];
    out.put(s, ip_fmt(s, addrs.at(i).ip));
    out.put(" ", 1);
    out.put_ulong(addrs.at(i).pref);
    out.put("\n", 1);
  }
  return out.flush() ? 0 : 111;
}
