// qqclient.cc: start qmail-queue, feed it, map its exit code.
#include "config.h"
#include "src/mail/qqclient.h"

#include <sys/types.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/wait.h"
#include "src/lib/env.h"
#include "src/lib/fd.h"
#include "src/lib/msg.h"
#include "src/mail/auto.h"

QueueClient::QueueClient()
    : pid_(-1), fdm_(-1), fde_(-1), failed_(false), bytes_(0), blen_(0) {}

QueueClient::~QueueClient() {
  if (fdm_ != -1) ::close(fdm_);
  if (fde_ != -1) ::close(fde_);
}

bool QueueClient::open() {
  int pm[2], pe[2];
  if (pipe(pm) == -1) return false;
  if (pipe(pe) == -1) {
    ::close(pm[0]);
    ::close(pm[1]);
    return false;
  }
  pid_ = fork();
  if (pid_ == -1) {
    int e = errno;
    ::close(pm[0]); ::close(pm[1]); ::close(pe[0]); ::close(pe[1]);
    errno = e;
    return false;
  }
  if (pid_ == 0) {
    ::close(pm[1]);
    ::close(pe[1]);
    if (!fd_move(0, pm[0]) || !fd_move(1, pe[0])) _exit(120);
    fd_nocoe(0);
    fd_nocoe(1);
    if (chdir(qm_home()) == -1) _exit(61);
    const char* qq = env_get("QMAILQUEUE");
    const char* argv[2];
    argv[0] = (qq && *qq) ? qq : "bin/qmail-queue";
    argv[1] = 0;
    execve(argv[0], (char* const*) argv, env_array());
    // 120: not a qmail-queue code; close() reports "unable to exec qq".
    _exit(120);
  }
  ::close(pm[0]);
  ::close(pe[0]);
  fdm_ = pm[1];
  fde_ = pe[1];
  fd_coe(fdm_);
  fd_coe(fde_);
  return true;
}

bool QueueClient::flush() {
  if (!blen_) return true;
  size_t n = blen_;
  blen_ = 0;
  if (failed_) return false;
  if (!write_all(fdm_, buf_, n)) {
    failed_ = true;
    return false;
  }
  return true;
}

void QueueClient::put(const char* s, size_t n) {
  bytes_ += (unsigned long) n;
  while (n) {
    if (blen_ == sizeof buf_) flush();
    size_t k = sizeof buf_ - blen_;
    if (k > n) k = n;
    memcpy(buf_ + blen_, s, k);
    blen_ += k;
    s += k;
    n -= k;
  }
}

void QueueClient::puts(const char* s) { put(s, strlen(s)); }

void QueueClient::from(const char* s, size_t n) {
  if (!env_.append_byte('F') || !env_.append(s, n) || !env_.append_byte(0))
    failed_ = true;
}

void QueueClient::to(const char* s, size_t n) {
  if (!env_.append_byte('T') || !env_.append(s, n) || !env_.append_byte(0))
    failed_ = true;
}

const char* QueueClient::close() {
  flush();
  if (fdm_ != -1) ::close(fdm_);
  fdm_ = -1;
  // The envelope goes only when everything before it worked: without its
  // final NUL qmail-queue refuses the message.
  if (!failed_) {
    if (!env_.append_byte(0) || !write_all(fde_, env_.data(), env_.len()))
      failed_ = true;
  }
  if (fde_ != -1) ::close(fde_);
  fde_ = -1;
  int st;
  if (pid_ <= 0 || qm_wait_pid(&st, pid_) != pid_)
    return "Zqq waitpid surprise (#4.3.0)";
  if (qm_wait_crashed(st)) return "Zqq crashed (#4.3.0)";
  int code = qm_wait_exitcode(st);
  if (code == 120) return "Zunable to exec qq (#4.3.0)";
  if (code == 0 && failed_) return "Zqq read error (#4.3.0)";
  return qq_exit_text(code);
}

const char* qq_exit_text(int code) {
  switch (code) {
    case 0: return 0;
    case 11: case 115: return "Denvelope address too long for qq (#5.1.3)";
    case 31: return "Dmail server permanently rejected message (#5.3.0)";
    case 51: return "Zqq out of memory (#4.3.0)";
    case 52: return "Zqq timeout (#4.3.0)";
    case 53: return "Zqq write error or disk full (#4.3.0)";
    case 54: return "Zqq read error (#4.3.0)";
    case 55: return "Zqq unable to read configuration (#4.3.0)";
    case 56: return "Zqq trouble making network connection (#4.3.0)";
    case 61: return "Zqq trouble in home directory (#4.3.0)";
    case 62: case 63: case 64: case 65: case 66:
      return "Zqq trouble creating files in queue (#4.3.0)";
    case 71: return "Zmail server temporarily rejected message (#4.3.0)";
    case 72: return "Zconnection to mail server timed out (#4.4.1)";
    case 73: return "Zconnection to mail server rejected (#4.4.1)";
    case 74: return "Zcommunication with mail server failed (#4.4.2)";
    case 81: case 91: return "Zqq internal bug (#4.3.0)";
    default:
      if (code >= 11 && code <= 40) return "Dqq permanent problem (#5.3.0)";
      return "Zqq temporary problem (#4.3.0)";
  }
}
