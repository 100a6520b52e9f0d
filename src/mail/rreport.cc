// rreport.cc: qmail-remote output -> qmail-rspawn result.
#include "config.h"
#include "src/mail/rreport.h"

#include "compat/wait.h"
#include "src/lib/bytes.h"
#include "src/lib/str.h"

// Outcomes ranked so that "no better than" is a comparison.
enum { kD = 0, kZ = 1, kK = 2 };

static int rank(char c) {
  return c == 'K' ? kK : c == 'Z' ? kZ : c == 'D' ? kD : -1;
}

// The text of the report starting at s[i] (its letter skipped), up to
// the NUL or the end of the output.
static bool add_text(Bytes& out, const char* s, size_t len, size_t i) {
  if (i + 1 >= len) return true;
  size_t n = byte_chr(s + i + 1, len - i - 1, 0);
  return out.append(s + i + 1, n);
}

bool rreport(Bytes& out, int wait_status, const char* s, size_t len) {
  if (qm_wait_crashed(wait_status))
    return out.append("Zqmail-remote crashed.\n");
  int code = qm_wait_exitcode(wait_status);
  if (code == 111) return out.append("ZUnable to run qmail-remote.\n");
  if (code != 0) return out.append("DUnable to run qmail-remote.\n");
  if (!len) return out.append("Zqmail-remote produced no output.\n");
  int result = kD;
  for (size_t j = 0; j < len;) {
    size_t n = byte_chr(s + j, len - j, 0);
    if (j + n == len) break;  // an unterminated report does not count
    int r = rank(s[j]);
    if (r >= 0) {
      result = r;
      break;
    }
    j += n + 1;
  }
  int letter = result;
  if (s[0] == 's') letter = kZ;
  if (s[0] == 'h') letter = kD;
  if (!out.append_byte("DZK"[letter])) return false;
  // The first report ends at the first NUL after its letter.
  size_t first = 1 + byte_chr(s + 1, len - 1, 0);
  if (first >= len) return true;  // no complete report: the letter alone
  if (!out.append(s + 1, first - 1)) return false;
  size_t second = first + 1;
  if (result <= letter && second < len && rank(s[second]) >= 0)
    return add_text(out, s, len, second);
  return true;
}
