// requeue.h: queue a message that is being delivered again, with its
// Delivered-To line in front (qmail-local forwards, forward,
// condredirect; qmail-core §10.8).
//
// requeue_message reads the message from fd (from its current offset to
// the end), and queues dtline + message through QueueClient with the
// given envelope sender and the recipients in `recipients` (entries each
// ending in NUL).  Returns 0 on success with *pid the qmail-queue pid (the
// "qp" number), else qmail-queue's client text ("D..." permanent, "Z..."
// temporary); *read_error is set when reading fd failed (nothing is
// queued then).  The caller ignores SIGPIPE.  Not for signal handlers.
#ifndef QM_MAIL_REQUEUE_H
#define QM_MAIL_REQUEUE_H

#include <stddef.h>

class Bytes;

const char* requeue_message(int fd, const Bytes& dtline, const char* sender,
                            size_t sender_len, const Bytes& recipients,
                            int* pid, bool* read_error);

#endif
