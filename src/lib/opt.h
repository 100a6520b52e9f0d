// opt.h: classic getopt over argv, with the messages of the qmail and
// ucspi-tcp tools: options cluster (-RHl0), arguments attach (-c10) or
// follow (-c 10), "--" or the first non-option ends the options.
// opt_next returns the option letter, -1 at the end (st->ind is then the
// first operand), or '?' after printing "prog: illegal option -- X" or
// "prog: option requires an argument -- X" (the program then prints its
// usage and exits 100).  spec is like getopt's: "vc:x:".  State is POD.
#ifndef QM_LIB_OPT_H
#define QM_LIB_OPT_H

struct OptState {
  int ind;          // next argv index
  int sub;          // position inside a cluster
  const char* arg;  // argument of the last option
  char opt;         // last option letter
};

void opt_init(OptState* st);
int opt_next(OptState* st, int argc, char* const* argv, const char* spec);

#endif
