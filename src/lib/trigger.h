// trigger.h: wake a sleeping daemon through a named pipe (qmail's
// queue/lock/trigger).
//
// trigger_pull opens the FIFO for writing without blocking, writes one
// byte and closes it; with no reader listening it does nothing (the
// daemon rescans on its own schedule anyway).  A Trigger is the reader's
// side: open() it, select on fd(), and call drain() after it became
// readable.  Where configure found that an idle FIFO selects readable
// (QM_FIFO_EOF_BUG), or when asked, the reader also holds a write fd on
// its own FIFO so that end-of-file never makes it spin; otherwise drain()
// reopens the FIFO after a writer has gone.  Return values: true, or false
// with errno.  trigger_pull is safe after fork.
#ifndef QM_LIB_TRIGGER_H
#define QM_LIB_TRIGGER_H

void trigger_pull(const char* fifo);

class Trigger {
 public:
  Trigger();
  ~Trigger();
  bool open(const char* fifo, bool hold_write);
  int fd() const { return rfd_; }
  // Read what writers sent; reopen if the last writer left.
  bool drain();
  void close();

 private:
  const char* path_;
  int rfd_;
  int wfd_;
  Trigger(const Trigger&);
  void operator=(const Trigger&);
};

#endif
