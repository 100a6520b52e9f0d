// opt.cc: getopt.
#include "config.h"
#include "src/lib/opt.h"

#include <string.h>
#include "src/lib/msg.h"

void opt_init(OptState* st) {
  st->ind = 1;
  st->sub = 0;
  st->arg = 0;
  st->opt = 0;
}

int opt_next(OptState* st, int argc, char* const* argv, const char* spec) {
  st->arg = 0;
  if (st->sub == 0) {
    if (st->ind >= argc || !argv[st->ind]) return -1;
    const char* a = argv[st->ind];
    if (a[0] != '-' || a[1] == 0) return -1;
    if (a[1] == '-' && a[2] == 0) {
      ++st->ind;
      return -1;
    }
    st->sub = 1;
  }
  const char* a = argv[st->ind];
  char c = a[st->sub++];
  st->opt = c;
  const char* p = c == ':' ? 0 : strchr(spec, c);
  bool last = a[st->sub] == 0;
  if (!p) {
    if (last) {
      ++st->ind;
      st->sub = 0;
    }
    char s[2] = {c, 0};
    msg_line(0, "illegal option -- ", s);
    return '?';
  }
  if (p[1] != ':') {
    if (last) {
      ++st->ind;
      st->sub = 0;
    }
    return c;
  }
  // Option with an argument: the rest of this word, or the next word.
  if (!last) {
    st->arg = a + st->sub;
    ++st->ind;
    st->sub = 0;
    return c;
  }
  ++st->ind;
  st->sub = 0;
  if (st->ind >= argc || !argv[st->ind]) {
    char s[2] = {c, 0};
    msg_line(0, "option requires an argument -- ", s);
    return '?';
  }
  st->arg = argv[st->ind++];
  return c;
}
