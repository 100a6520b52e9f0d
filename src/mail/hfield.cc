// hfield.cc: recognise header field names.
#include "config.h"
#include "src/mail/hfield.h"

#include "src/lib/str.h"

// Indexed by HField.
static const char* const kNames[kHCount] = {
  "",
  "sender", "from", "reply-to", "to", "cc", "bcc", "date", "message-id",
  "subject", "resent-sender", "resent-from", "resent-reply-to",
  "resent-to", "resent-cc", "resent-bcc", "resent-date",
  "resent-message-id", "return-receipt-to", "errors-to", "apparently-to",
  "received", "return-path", "delivered-to", "content-length",
  "content-type", "content-transfer-encoding",
  "notice-requested-upon-delivery-to", "mail-followup-to"
};

static bool name_is(const char* s, size_t n, const char* name) {
  size_t k = str_len(name);
  if (n <= k || !case_starts(s, n, name)) return false;
  for (size_t i = k; i < n; ++i) {
    if (s[i] == ':') return true;
    if (s[i] != ' ' && s[i] != '\t') return false;
  }
  return false;
}

int hfield_known(const char* s, size_t n) {
  for (int i = 1; i < kHCount; ++i)
    if (name_is(s, n, kNames[i])) return i;
  return kHUnknown;
}

bool hfield_valid(const char* s, size_t n) {
  size_t colon = byte_chr(s, n, ':');
  if (colon == n) return false;
  size_t j = colon;
  while (j && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
  if (!j) return false;
  for (size_t i = 0; i < j; ++i) {
    unsigned char c = (unsigned char) s[i];
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}
