// dnsdoe.cc: failure texts of the dns helper commands.
#include "config.h"
#include "src/mail/dnsdoe.h"

#include "compat/errno_compat.h"

const char* dnsdoe_text(int r, int* code) {
  if (r < 0 && errno == ENOMEM) {
    *code = 111;
    return "out of memory\n";
  }
  if (r < 0) {
    *code = 111;
    return "soft error\n";
  }
  *code = 100;
  return "hard error\n";
}
