// qmail-tcpto: print the table of remote hosts that recently timed out.
//
// Run by the administrator (any uid that can read queue/lock/tcpto).  It
// chdirs to the qmail home, reads queue/lock/tcpto under its lock and
// prints one line per address with at least one recent timeout:
//   <ip> timed out <seconds> seconds ago; # recent timeouts: <count>
// Trusts the table only as 16-byte records.  Errors go to standard output
// like qmail 1.03's ("fatal: unable to open tcpto: <reason>").  Exit 0,
// or 111 when the table cannot be read.
#include "config.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/date.h"
#include "src/lib/errstr.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/mail/auto.h"
#include "src/mail/tcpto.h"

static char g_outbuf[1024];

static void die(Output& out, const char* what) {
  out.puts("fatal: ");
  out.puts(what);
  out.puts(": ");
  out.puts(errstr(errno));
  out.puts("\n");
  out.flush();
  _exit(111);
}

static void put_ip4(Output& out, const char* rec) {
  for (int i = 0; i < 4; ++i) {
    if (i) out.put_char('.');
    out.put_ulong((unsigned char) rec[i]);
  }
}

int main() {
  Output out(1, g_outbuf, sizeof g_outbuf);
  if (!qm_chdir_home() || chdir("queue/lock") == -1)
    die(out, "unable to chdir");
  char buf[kTcptoSize];
  int stage;
  if (!tcpto_read("tcpto", buf, &stage))
    die(out, stage == 0 ? "unable to open tcpto"
             : stage == 1 ? "unable to lock tcpto" : "unable to read tcpto");
  unsigned long start = now_sec();
  for (int i = 0; i < kTcptoRecords; ++i) {
    const char* rec = buf + i * kTcptoRecSize;
    if (!rec[4]) continue;
    put_ip4(out, rec);
    out.puts(" timed out ");
    out.put_ulong(start - tcpto_rec_when(rec));
    out.puts(" seconds ago; # recent timeouts: ");
    out.put_ulong((unsigned char) rec[4]);
    out.puts("\n");
  }
  out.flush();
  return 0;
}
