// maildir.h: Maildir delivery and reading (maildir(5) of qmail 1.03).
//
// Delivery (qmail-local, spec qmail-core §10.6): maildir_deliver writes
// prefix + the message from msgfd into dir/tmp/<time>.<pid>.<host>
// (created exclusively, mode 0600), fsyncs and closes it, hard-links it to
// dir/new/<same name>, fsyncs dir/new so the new entry survives a crash,
// and unlinks the tmp file.  The message counts as delivered at the link.
// On any failure the tmp file is removed.  The result code says which of
// qmail-local's reports applies; errno holds the reason.  The name chosen
// ("new/<name>") is left in *delivered when that is not null.
// maildir_pending_tmp() is the tmp path being written, or null: a
// program's alarm handler may unlink it (the pointer stays valid during
// the call; reading it is async-signal-safe).
//
// Reading (qmail-pop3d, maildir2mbox, maildirwatch; pop3-qmqp-tools §1.3,
// §6): these work on the CURRENT DIRECTORY, which the caller has made the
// maildir (chdir).  maildir_clean_tmp removes tmp/ entries not starting
// with '.' whose access time is more than 36 hours before now.
// MaildirList::scan lists new/ (and cur/ when asked), skipping names that
// start with '.', files that fail stat or are not regular, and files whose
// mtime is not strictly before `before` (mail of the current second waits
// for the next scan); it sorts by mtime, then by path bytewise.  Paths are
// relative: "new/<name>" or "cur/<name>".  The list owns its memory;
// scan returns false with errno (ENOMEM, or the opendir/readdir error) and
// leaves the list empty.  Not for signal handlers; safe after fork.
#ifndef QM_MAIL_MAILDIR_H
#define QM_MAIL_MAILDIR_H

#include <stddef.h>
#include "src/lib/bytes.h"

enum MaildirResult {
  kMaildirOk = 0,
  kMaildirNoDir,    // dir is not a directory: "Unable to chdir to maildir."
  kMaildirTemp,     // create, write, fsync, link failed: "Temporary error ..."
  kMaildirReadMsg   // reading msgfd failed: "Unable to read message."
};

int maildir_deliver(const char* dir, const char* prefix, size_t prefix_len,
                    int msgfd, Bytes* delivered);
const char* maildir_pending_tmp();

enum { kMaildirTmpAge = 129600 };  // 36 hours
bool maildir_clean_tmp(unsigned long now);

struct MaildirMsg {
  const char* path;     // "new/<name>" or "cur/<name>", NUL-terminated
  unsigned long mtime;
  unsigned long size;
  size_t off;           // offset of path inside the list's storage
};

class MaildirList {
 public:
  MaildirList() : msgs_(0), n_(0), cap_(0) {}
  ~MaildirList();
  bool scan(bool with_cur, unsigned long before);
  size_t count() const { return n_; }
  const MaildirMsg& at(size_t i) const { return msgs_[i]; }
  void clear();

 private:
  bool scan_dir(const char* sub, unsigned long before);
  bool add(const char* path, size_t n, unsigned long mtime,
           unsigned long size);
  Bytes names_;
  MaildirMsg* msgs_;
  size_t n_;
  size_t cap_;
  MaildirList(const MaildirList&);
  void operator=(const MaildirList&);
};

// The unique part of a maildir file name: the text after "new/" or "cur/"
// up to (not including) the first ':'.  Points into path; *n its length.
const char* maildir_uid(const char* path, size_t* n);

#endif
