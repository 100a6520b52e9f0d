// mbox.h: mbox files (spec qmail-core §10.7; maildir2mbox uses the same
// quoting and lock).
//
// mbox_copy_quoted copies a message from in to out the mbox way: each
// line matching "^>*From " gets one more '>' in front (mboxrd), a last
// line without '\n' gets one, and one empty line follows the message.
// Returns 0 on success, -1 when reading failed, -2 when writing failed
// (errno set); the Output is flushed.
//
// mbox_deliver appends prefix + the quoted message from msgfd to path
// (created with mode 0600 if missing), holding an exclusive lock (compat
// lock.h) and waiting at most lock_wait seconds for it; if locking fails
// for another reason it writes without a lock.  It fsyncs before
// returning.  When a write fails and the lock was held, the file is cut
// back to its old length, so a reader never sees half a message.  Result
// codes below; errno has the reason.  Not for signal handlers.
#ifndef QM_MAIL_MBOX_H
#define QM_MAIL_MBOX_H

#include <stddef.h>

class Input;
class Output;

enum MboxResult {
  kMboxOk = 0,
  kMboxOpen,         // "Unable to open <file>: <error>. (#4.2.1)"
  kMboxLocked,       // "File has been locked for 30 seconds straight."
  kMboxWrite,        // "Unable to write <file>: <error>. (#4.3.0)"
  kMboxReadMsg       // "Unable to read message. (#4.3.0)"
};

int mbox_copy_quoted(Input& in, Output& out);
int mbox_deliver(const char* path, const char* prefix, size_t prefix_len,
                 int msgfd, unsigned int lock_wait);
// Lock fd exclusively, waiting at most seconds: 1 locked, 0 timed out,
// -1 locking is not possible (errno set).
int mbox_lock(int fd, unsigned int seconds);

#endif
