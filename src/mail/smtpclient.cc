// smtpclient.cc: qmail-remote's SMTP dialogue.
#include "config.h"
#include "src/mail/smtpclient.h"

#include <string.h>
#include "src/lib/bytes.h"
#include "src/lib/io.h"

const char kSmtpNomem[] = "ZOut of memory. (#4.3.0)\n";
const char kSmtpPartial[] =
    "DSMTP cannot transfer messages with partial final lines. (#5.6.2)\n";
const char kSmtpReadMess[] = "ZUnable to read message. (#4.3.0)\n";

enum { kMaxReplyText = 5000 };

class Dialogue {
 public:
  Dialogue(Input& from, Output& to, Input& mess, Output& rep,
           const SmtpJob& job)
      : from_(from), to_(to), mess_(mess), rep_(rep), job_(job),
        critical_(false), nomem_(false) {}
  void run();

 private:
  bool get(char* c);
  bool reply(unsigned long* code);
  bool command(const char* verb, const Bytes* arg, const char* end);
  void report_end(const char* s) { rep_.puts(s); rep_.put("", 1); }
  void out_text();
  void quit(const char* prefix, const char* suffix);
  void died();
  bool recipients(bool* any);
  int blast();

  Input& from_;
  Output& to_;
  Input& mess_;
  Output& rep_;
  const SmtpJob& job_;
  Bytes text_;
  bool critical_;
  bool nomem_;
  Dialogue(const Dialogue&);
  void operator=(const Dialogue&);
};

// One byte of a reply; everything but CR is kept for the report.
bool Dialogue::get(char* c) {
  if (from_.get_char(c) != 1) return false;
  if (*c != '\r' && text_.len() < kMaxReplyText && !text_.append_byte(*c)) {
    nomem_ = true;
    return false;
  }
  return true;
}

// The code is the first line's three characters taken as digits, with
// no check (1.03 quirk: odd bytes give odd codes, usually >= 500).
bool Dialogue::reply(unsigned long* code) {
  char c;
  unsigned long v = 0;
  text_.clear();
  for (int i = 0; i < 3; ++i) {
    if (!get(&c)) return false;
    v = v * 10 + (unsigned long) ((long) (unsigned char) c - '0');
  }
  for (;;) {
    if (!get(&c)) return false;
    if (c != '-') break;
    while (c != '\n')
      if (!get(&c)) return false;
    for (int i = 0; i < 3; ++i)
      if (!get(&c)) return false;
  }
  while (c != '\n')
    if (!get(&c)) return false;
  *code = v;
  return true;
}

bool Dialogue::command(const char* verb, const Bytes* arg, const char* end) {
  to_.puts(verb);
  if (arg) to_.put_bytes(*arg);
  to_.puts(end);
  return to_.flush();
}

void Dialogue::out_text() {
  if (text_.empty()) return;
  rep_.puts("Remote host said: ");
  char* p = text_.data();
  for (size_t i = 0; i < text_.len(); ++i)
    if (!p[i]) p[i] = '?';
  rep_.put_bytes(text_);
  text_.clear();
}

void Dialogue::quit(const char* prefix, const char* suffix) {
  to_.puts("QUIT\r\n");
  to_.flush();
  rep_.puts(prefix);
  rep_.puts(job_.peer);
  rep_.puts(suffix);
  rep_.puts(".\n");
  out_text();
  rep_.put("", 1);
}

void Dialogue::died() {
  if (nomem_) {
    report_end(kSmtpNomem);
    return;
  }
  rep_.puts("ZConnected to ");
  rep_.puts(job_.peer);
  rep_.puts(" but connection died. ");
  if (critical_) rep_.puts("Possible duplicate! ");
  report_end("(#4.4.2)\n");
}

// RCPT for each recipient; false when the connection died.  *any tells
// whether the server took at least one.
bool Dialogue::recipients(bool* any) {
  const Bytes& r = *job_.recips;
  Bytes one;
  *any = false;
  for (size_t pos = 0; pos < r.len();) {
    size_t n = strlen(r.data() + pos);
    if (!one.copy(r.data() + pos, n)) {
      nomem_ = true;
      return false;
    }
    pos += n + 1;
    unsigned long code;
    if (!command("RCPT TO:<", &one, ">\r\n") || !reply(&code)) return false;
    if (code >= 400) {
      rep_.puts(code >= 500 ? "h" : "s");
      rep_.puts(job_.peer);
      rep_.puts(" does not like recipient.\n");
      out_text();
      rep_.put("", 1);
    } else {
      rep_.put("r", 1);
      rep_.put("", 1);
      *any = true;
    }
  }
  return true;
}

// Copy the message: 1 sent, 0 connection died, -1 reported (message
// unreadable or a partial last line).
int Dialogue::blast() {
  bool bol = true;
  for (;;) {
    long r = mess_.fill();
    if (r < 0) {
      report_end(kSmtpReadMess);
      return -1;
    }
    if (r == 0) break;
    const char* p = mess_.peek();
    if (bol && p[0] == '.' && !to_.put(".", 1)) return 0;
    const void* nl = memchr(p, '\n', (size_t) r);
    size_t take = nl ? (size_t) ((const char*) nl - p) : (size_t) r;
    if (!to_.put(p, take)) return 0;
    if (nl) {
      if (!to_.put("\r\n", 2)) return 0;
      ++take;
    }
    mess_.skip(take);
    bol = nl != 0;
  }
  if (!bol) {
    report_end(kSmtpPartial);
    return -1;
  }
  critical_ = true;
  return to_.put(".\r\n", 3) && to_.flush() ? 1 : 0;
}

void Dialogue::run() {
  unsigned long code;
  if (!reply(&code)) return died();
  if (code != 220) return quit("ZConnected to ", " but greeting failed");
  if (!command("HELO ", job_.helo, "\r\n") || !reply(&code)) return died();
  if (code != 250) return quit("ZConnected to ", " but my name was rejected");
  if (!command("MAIL FROM:<", job_.sender, ">\r\n") || !reply(&code))
    return died();
  if (code >= 500) return quit("DConnected to ", " but sender was rejected");
  if (code >= 400) return quit("ZConnected to ", " but sender was rejected");
  bool any;
  if (!recipients(&any)) return died();
  if (!any) return quit("DGiving up on ", "");
  if (!command("DATA", 0, "\r\n") || !reply(&code)) return died();
  if (code >= 500) return quit("D", " failed on DATA command");
  if (code >= 400) return quit("Z", " failed on DATA command");
  int b = blast();
  if (b < 0) return;
  if (b == 0 || !reply(&code)) return died();
  critical_ = false;
  if (code >= 500) return quit("D", " failed after I sent the message");
  if (code >= 400) return quit("Z", " failed after I sent the message");
  quit("K", " accepted message");
}

void smtp_deliver(Input& from_server, Output& to_server, Input& message,
                  Output& rep, const SmtpJob& job) {
  Dialogue d(from_server, to_server, message, rep, job);
  d.run();
}
