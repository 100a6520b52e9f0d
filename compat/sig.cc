// sig.cc: sigaction or signal/sigblock.
#include "config.h"
#include "compat/sig.h"

#include <unistd.h>

#if defined(HAVE_SIGACTION) && defined(HAVE_SIGPROCMASK)

static void set_action(int sig, qm_sig_handler h) {
  struct sigaction sa;
  sa.sa_handler = h;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, (struct sigaction*) 0);
}

void qm_sig_catch(int sig, qm_sig_handler h) { set_action(sig, h); }
void qm_sig_default(int sig) { set_action(sig, SIG_DFL); }
void qm_sig_ignore(int sig) { set_action(sig, SIG_IGN); }

static void mask(int how, int sig) {
  sigset_t ss;
  sigemptyset(&ss);
  sigaddset(&ss, sig);
  sigprocmask(how, &ss, (sigset_t*) 0);
}

void qm_sig_block(int sig) { mask(SIG_BLOCK, sig); }
void qm_sig_unblock(int sig) { mask(SIG_UNBLOCK, sig); }

void qm_sig_pause() {
  sigset_t ss;
  sigemptyset(&ss);
  sigsuspend(&ss);
}

const char* qm_sig_method() { return "sigaction"; }

#else

void qm_sig_catch(int sig, qm_sig_handler h) { signal(sig, h); }
void qm_sig_default(int sig) { signal(sig, SIG_DFL); }
void qm_sig_ignore(int sig) { signal(sig, SIG_IGN); }

// Without sigprocmask there is no portable way to block one signal; the
// callers' loops tolerate a handler running at any time (flag only).
void qm_sig_block(int) {}
void qm_sig_unblock(int) {}
void qm_sig_pause() { pause(); }

const char* qm_sig_method() { return "signal"; }

#endif
