// qmail-qstat: summarize the queue.
//
// Run by root or a member of group qmail, no arguments.  Counts the files
// under QMAILHOME/queue/mess/*/ and in queue/todo/ and prints
//   messages in queue: N
//   messages in queue but not yet preprocessed: M
// Reads only directory listings.  Exit 0; 111 with "qmail-qstat: fatal:
// ..." when a directory cannot be read.
#include "config.h"

#include <sys/types.h>
#include <dirent.h>
#include <unistd.h>
#include "src/lib/fd.h"
#include "src/lib/fmt.h"
#include "src/lib/msg.h"
#include "src/mail/auto.h"

static void die_dir(const char* dir) {
  msg_fatal_sys("unable to read ", dir);
  _exit(111);
}

static unsigned long count(const char* dir) {
  DIR* d = opendir(dir);
  if (!d) die_dir(dir);
  unsigned long n = 0;
  struct dirent* e;
  while ((e = readdir(d)) != 0)
    if (e->d_name[0] != '.') ++n;
  closedir(d);
  return n;
}

static void line(const char* text, unsigned long n) {
  char buf[128];
  size_t len = 0;
  while (*text) buf[len++] = *text++;
  len += fmt_ulong(buf + len, n);
  buf[len++] = '\n';
  if (!write_all(1, buf, len)) _exit(111);
}

int main() {
  msg_init("qmail-qstat");
  if (!qm_chdir_home() || chdir("queue") == -1) {
    msg_fatal_sys("unable to chdir to the queue");
    _exit(111);
  }
  unsigned long mess = 0;
  for (int i = 0; i < kQmSplit; ++i) {
    char dir[32] = "mess/";
    dir[5 + fmt_ulong(dir + 5, (unsigned long) i)] = 0;
    mess += count(dir);
  }
  unsigned long todo = count("todo");
  line("messages in queue: ", mess);
  line("messages in queue but not yet preprocessed: ", todo);
  return 0;
}
