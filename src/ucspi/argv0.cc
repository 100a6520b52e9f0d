// argv0: run a program with a chosen argv[0].
//
// Usage: argv0 realname program [ arg ... ]: runs realname (PATH search)
// with argv[0] = program and the remaining arguments.  No privileges.
// Exit: the program's; 100 usage; 111 if realname cannot be run.
#include "config.h"

#include <unistd.h>
#include "src/lib/msg.h"
#include "src/lib/spawn.h"

static void die_usage() {
  msg_usage("argv0 realname program [ arg ... ]");
  _exit(100);
}

int main(int argc, char** argv) {
  msg_init("argv0");
  if (argc < 3) die_usage();
  path_exec_as(argv[1], argv + 2);
  msg_fatal_sys("unable to run ", argv[1]);
  _exit(111);
}
