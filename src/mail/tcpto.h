// tcpto.h: the table of remote addresses that recently timed out
// (queue/lock/tcpto, qmail-core §12), shared by qmail-remote (consults and
// updates it), qmail-tcpto (prints it), qmail-tcpok and qmail-rspawn
// (clear it).
//
// The file is 64 records of 16 bytes: an IPv4 address (network order),
// a count of recent timeouts (0..10), three unused bytes, and the time of
// the last timeout as a 32-bit little-endian number.  A shorter file is
// read as if padded with zero records.  IPv6 addresses have no place in
// this format and are never recorded.
//
// The tcpto_buf_* functions work on a caller's 1024-byte copy and are pure.
// The file functions take an exclusive lock around each read or update.
// tcpto_dead and tcpto_record never report errors: a table that cannot
// be read or written only costs a connection attempt, so they fail open.
// tcpto_clear returns false with errno.  None allocates; safe after fork.
#ifndef QM_MAIL_TCPTO_H
#define QM_MAIL_TCPTO_H

#include <stddef.h>

enum { kTcptoRecords = 64, kTcptoRecSize = 16, kTcptoSize = 1024,
       kTcptoMaxCount = 10 };

// True when the address should not be tried now: its record has at least
// two recent timeouts, the last one less than (60 + pid % 32) * 64
// seconds before now.  *seen tells whether the table has a record for ip.
bool tcpto_buf_dead(const char* buf, const char ip[4], unsigned long now,
                    unsigned long pid, bool* seen);
// Apply the outcome of a connection attempt to buf: after a timeout count
// it (unless one was counted in the last 120 seconds), taking a free or
// the stalest record for a new address; after a success reset the count
// of an existing record.  Returns the changed record's index, or -1.
int tcpto_buf_update(char* buf, const char ip[4], bool timed_out,
                     unsigned long now);
unsigned long tcpto_rec_when(const char* rec);

// File forms: path is usually "queue/lock/tcpto" relative to the home.
bool tcpto_dead(const char* path, const char ip[4], unsigned long now,
                unsigned long pid, bool* seen);
// Only touches the file after a timeout, or after a success for an
// address that had a record (seen from tcpto_dead).
void tcpto_record(const char* path, const char ip[4], bool timed_out,
                  bool seen, unsigned long now);
// Read the whole table (zero padded) under the lock: true, or false with
// errno; *stage says which step failed (0 open, 1 lock, 2 read).
bool tcpto_read(const char* path, char* buf, int* stage);
// Overwrite the table of an open, locked fd with zero records.
bool tcpto_zero_fd(int fd);

#endif
