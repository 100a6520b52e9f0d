// Unit tests for env: set replaces, unset removes every copy, clear, and
// a child started with exec sees the result.
#include "qtest.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "src/lib/env.h"

static int count(const char* name) {
  int n = 0;
  size_t len = strlen(name);
  for (char** e = env_array(); *e; ++e)
    if (strncmp(*e, name, len) == 0 && (*e)[len] == '=') ++n;
  return n;
}

int main() {
  TestState t;
  t.testrun(env_set("QT_A", "1") && std::string(env_get("QT_A")) == "1",
            "set new");
  t.testrun(env_set("QT_A", "two") && std::string(env_get("QT_A")) == "two" &&
                count("QT_A") == 1,
            "set replaces");
  t.testrun(env_set("QT_EMPTY", "") && env_get("QT_EMPTY") &&
                *env_get("QT_EMPTY") == 0,
            "empty value is set");
  t.testrun(env_unset("QT_A") && env_get("QT_A") == 0 && count("QT_A") == 0,
            "unset");
  t.testrun(env_unset("QT_NEVER"), "unset missing ok");
  t.testrun(!env_set("BAD=NAME", "x"), "name with = refused");
  t.testrun(env_set_bytes("QT_B", "abc", 2) && std::string(env_get("QT_B")) == "ab",
            "set_bytes");
  for (int i = 0; i < 200; ++i) {
    char name[16] = "QT_MANY_";
    name[8] = (char) ('a' + i % 26);
    name[9] = (char) ('a' + i / 26);
    name[10] = 0;
    env_set(name, "v");
  }
  t.testrun(env_get("QT_MANY_zg") != 0 || env_get("QT_MANY_ah") != 0,
            "many variables");
  // The child sees the modified environment.
  env_set("QT_CHILD", "seen");
  int pid = fork();
  if (pid == 0) {
    const char* v = getenv("QT_CHILD");
    _exit(v && strcmp(v, "seen") == 0 ? 0 : 1);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  t.testrun(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child inherits");
  t.testrun(env_clear() && env_array()[0] == 0 && env_get("PATH") == 0,
            "clear");
  return 0;
}
