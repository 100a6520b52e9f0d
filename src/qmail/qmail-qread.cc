// qmail-qread: list the messages in the queue and their recipients.
//
// Run by root or qmails, no arguments.  Walks queue/info/0..22 and for
// each message prints its birth time (info mtime), id, size of the mess
// file, sender and " bouncing" when bounce/<id> exists, then one line per
// recipient record of local/ and remote/ ("  done" for finished ones),
// in the format of qmail-core §17.  Queue bytes outside 32..126 print as
// '_'.  Problems with one message give "warning: trouble with #<id>: ...".
// Exit 0; 111 when the queue cannot be entered or output fails.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/errstr.h"
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/lib/scan.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static void put_safe(Bytes& out, const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if ((unsigned char) c < 32 || (unsigned char) c > 126) c = '_';
    out.append_byte(c);
  }
}

static void name(char* out, const char* dir, unsigned long id, bool split) {
  size_t n = 0;
  while (*dir) out[n++] = *dir++;
  out[n++] = '/';
  if (split) {
    n += fmt_ulong(out + n, id % kQmSplit);
    out[n++] = '/';
  }
  n += fmt_ulong(out + n, id);
  out[n] = 0;
}

static void warn(unsigned long id, int e) {
  char num[kFmtUlong + 1];
  num[fmt_ulong(num, id)] = 0;
  errno = e;
  msg_warn_sys("trouble with #", num);
}

static bool recipients(Bytes& out, unsigned long id, const char* chan) {
  char fn[64];
  name(fn, chan, id, true);
  Bytes f;
  int r = file_read_all(f, fn);
  if (r == -1) return false;
  for (size_t i = 0; r == 1 && i < f.len();) {
    size_t k = byte_chr(f.data() + i, f.len() - i, 0);
    if (k == f.len() - i) break;
    out.append(f.data()[i] == 'D' ? "  done\t" : "\t");
    out.append(chan);
    out.append_byte('\t');
    put_safe(out, f.data() + i + 1, k ? k - 1 : 0);
    out.append_byte('\n');
    i += k + 1;
  }
  return true;
}

static bool one(Bytes& out, unsigned long id) {
  char fn[64];
  struct stat st, ms;
  name(fn, "info", id, true);
  if (stat(fn, &st) == -1) return false;
  Bytes info;
  if (file_read_all(info, fn) != 1) return false;
  name(fn, "mess", id, true);
  if (stat(fn, &ms) == -1) return false;
  DateTime dt;
  date_from_unix(&dt, (unsigned long) st.st_mtime);
  char date[kFmtDate];
  size_t dn = fmt_date822(date, &dt);
  out.append(date, dn > 6 ? dn - 6 : dn);
  out.append(" GMT  #");
  out.append_ulong(id);
  out.append("  ");
  out.append_ulong((unsigned long) ms.st_size);
  out.append("  <");
  if (info.len() && info.data()[0] == 'F')
    put_safe(out, info.data() + 1, byte_chr(info.data() + 1, info.len() - 1, 0));
  out.append("> ");
  name(fn, "bounce", id, false);
  if (stat(fn, &ms) == 0) out.append(" bouncing");
  out.append_byte('\n');
  return recipients(out, id, "local") && recipients(out, id, "remote");
}

int main() {
  msg_init("qmail-qread");
  if (!qm_chdir_home() || chdir("queue") == -1) {
    msg_fatal_sys("unable to chdir");
    _exit(111);
  }
  for (int sp = 0; sp < kQmSplit; ++sp) {
    char dir[32] = "info/";
    dir[5 + fmt_ulong(dir + 5, (unsigned long) sp)] = 0;
    DIR* d = opendir(dir);
    if (!d) {
      msg_fatal_sys("unable to opendir ", dir);
      _exit(111);
    }
    struct dirent* e;
    while ((e = readdir(d)) != 0) {
      unsigned long id;
      if (!scan_ulong_all(e->d_name, str_len(e->d_name), &id)) continue;
      Bytes out;
      if (!one(out, id)) {
        warn(id, errno);
        continue;
      }
      if (!write_all(1, out.data(), out.len())) _exit(111);
    }
    closedir(d);
  }
  return 0;
}
