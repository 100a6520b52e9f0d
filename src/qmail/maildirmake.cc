// maildirmake: create a maildir (tmp, new, cur).
//
// Run by users: maildirmake dir.  Creates dir and its three
// subdirectories with mode 0700 (umask 077).  An existing dir is an
// error, so a typo never adds subdirectories to some other directory.
// Exit codes: 0 created, 100 usage, 111 a mkdir failed.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>
#include "src/lib/bytes.h"
#include "src/lib/msg.h"

static void die_usage() {
  msg_usage("maildirmake name");
  _exit(100);
}
static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}

static void make(const char* path) {
  if (mkdir(path, 0700) == -1) {
    msg_fatal_sys("unable to mkdir ", path);
    _exit(111);
  }
}

int main(int argc, char** argv) {
  msg_init("maildirmake");
  if (argc != 2 || !argv[1][0]) die_usage();
  umask(077);
  make(argv[1]);
  static const char* const kSub[3] = {"/tmp", "/new", "/cur"};
  Bytes p;
  for (int i = 0; i < 3; ++i) {
    if (!p.copy(argv[1]) || !p.append(kSub[i])) die_nomem();
    make(p.c_str());
  }
  return 0;
}
