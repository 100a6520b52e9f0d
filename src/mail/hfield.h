// hfield.h: header field names (qmail-header(5)), for qmail-inject and
// other header rewriters.  hfield_known says which of the fields qmail
// treats specially a header line starts with: the name matches letters
// case-insensitively, may be followed by spaces or tabs, and must end in
// a colon.  hfield_valid says whether a line starts a header field at all:
// a non-empty name of printable non-space ASCII before the colon
// (spaces or tabs allowed between name and colon).  Pure; safe anywhere.
#ifndef QM_MAIL_HFIELD_H
#define QM_MAIL_HFIELD_H
#include <stddef.h>

enum HField {
  kHUnknown = 0,
  kHSender, kHFrom, kHReplyTo, kHTo, kHCc, kHBcc, kHDate, kHMessageId,
  kHSubject, kHRSender, kHRFrom, kHRReplyTo, kHRTo, kHRCc, kHRBcc,
  kHRDate, kHRMessageId, kHReturnReceiptTo, kHErrorsTo, kHApparentlyTo,
  kHReceived, kHReturnPath, kHDeliveredTo, kHContentLength,
  kHContentType, kHContentTransferEncoding, kHNoticeRequested,
  kHMailFollowupTo,
  kHCount
};

int hfield_known(const char* s, size_t n);
bool hfield_valid(const char* s, size_t n);
#endif
