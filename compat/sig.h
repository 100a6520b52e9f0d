// sig.h: signal handling with sigaction/sigprocmask where present, else
// the old signal/sigblock calls.  Handlers are extern "C" and should only
// set a volatile sig_atomic_t.  A caught signal does not restart
// interrupted calls (select returns EINTR), which is what our loops want.
#ifndef QM_COMPAT_SIG_H
#define QM_COMPAT_SIG_H

#include <signal.h>

extern "C" {
typedef void (*qm_sig_handler)(int);
}

void qm_sig_catch(int sig, qm_sig_handler h);
void qm_sig_default(int sig);
void qm_sig_ignore(int sig);
void qm_sig_block(int sig);
void qm_sig_unblock(int sig);
// Atomically unblock everything and wait for a signal (sigsuspend).
void qm_sig_pause();
const char* qm_sig_method();

#endif
