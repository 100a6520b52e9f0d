// qqclient.h: the client side of qmail-queue (qmail-core §4.1), used by
// every program that queues mail (qmail-inject, qmail-smtpd, qmail-local
// forwards, bounces, QMQP/QMTP servers).
//
// open() starts $QMAILQUEUE, or bin/qmail-queue under the qmail home, with
// the message pipe on its fd 0 and the envelope pipe on its fd 1.  The
// message goes through put(); from()/to() collect the envelope, which is
// sent after the message pipe is closed; close() waits for the child and
// returns 0 on success or the client text of qmail-queue's exit code
// ("Zqq write error or disk full (#4.3.0)": first letter D = permanent,
// Z = temporary).  fail() aborts: the final envelope NUL is never sent,
// so qmail-queue exits 54 and nothing is queued.  pid() is the "qp"
// number for logs and SMTP replies.  The object owns the pipes and the
// envelope buffer.  Callers should ignore SIGPIPE (a dead qmail-queue is
// reported by close()).  Not for signal handlers.
#ifndef QM_MAIL_QQCLIENT_H
#define QM_MAIL_QQCLIENT_H

#include <stddef.h>
#include "src/lib/bytes.h"

class QueueClient {
 public:
  QueueClient();
  ~QueueClient();
  bool open();
  int pid() const { return pid_; }
  void put(const char* s, size_t n);
  void puts(const char* s);
  void from(const char* s, size_t n);
  void to(const char* s, size_t n);
  void fail() { failed_ = true; }
  bool failed() const { return failed_; }
  // Bytes of message written so far.
  unsigned long bytes() const { return bytes_; }
  const char* close();

 private:
  bool flush();
  int pid_;
  int fdm_;
  int fde_;
  bool failed_;
  unsigned long bytes_;
  size_t blen_;
  char buf_[4096];
  Bytes env_;
  QueueClient(const QueueClient&);
  void operator=(const QueueClient&);
};

// The client text for a qmail-queue exit code (0 for success).
const char* qq_exit_text(int code);

#endif
