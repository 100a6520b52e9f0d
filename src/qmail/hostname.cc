// hostname: print this host's name as gethostname(2) gives it.
//
// A helper of the config script (qmail 1.03's build helper of the same
// name); run by the administrator with any uid.  Prints the name and a
// newline (an empty line when the system has no name) and exits 0.
#include "config.h"

#include <string.h>
#include <unistd.h>
#include "src/lib/fd.h"

int main() {
  char host[257];
  host[0] = 0;
  if (gethostname(host, sizeof host - 1) == -1) host[0] = 0;
  // Some systems leave a truncated name without its NUL.
  host[sizeof host - 1] = 0;
  size_t n = strlen(host);
  host[n] = '\n';
  return write_all(1, host, n + 1) ? 0 : 111;
}
