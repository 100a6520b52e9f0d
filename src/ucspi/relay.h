// relay.h: the process structure shared by fixcrio and recordio.  The
// program runs in the original process (so its pid is the one the caller
// started); a forked child sits between the outside and the program:
//   outside stdin  -> child -> pipe -> program's fd 0
//   program's fd 1 -> pipe -> child -> outside stdout
// Each chunk read (at most chunk bytes) is handed to fn, which appends
// what to pass on to out; fn is called with n == 0 once at end of input
// of that direction.  The child ends when the program's output ends.
// relay_run returns only on failure, after printing the fatal message
// (the caller exits 111).
#ifndef QM_UCSPI_RELAY_H
#define QM_UCSPI_RELAY_H

#include <stddef.h>

class Bytes;

enum { kRelayIn = 0, kRelayOut = 1 };

typedef bool (*RelayFn)(void* ctx, int dir, const char* buf, size_t n,
                        Bytes& out);

void relay_run(char* const* argv, size_t chunk, RelayFn fn, void* ctx);

#endif
