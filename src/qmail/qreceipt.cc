// qreceipt: answer requests for delivery notices.
//
// Run by qmail-local as "|qreceipt deliveryaddress" with SENDER in the
// environment and the message on fd 0.  If a
// Notice-Requested-Upon-Delivery-To field of the header names
// deliveryaddress, and the sender is not empty or #@[], it queues a short
// "success notice" to the sender from the empty envelope sender.  Exit 0
// when no notice is needed or it was queued; 100 on bad usage, an
// unparsable field or a permanent queue error; 111 on read errors,
// memory or a temporary queue error.
#include "config.h"

#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/env.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/str.h"
#include "src/mail/addr.h"
#include "src/mail/hfield.h"
#include "src/mail/qqclient.h"
#include "src/mail/quote.h"

static void die_usage() {
  msg_usage("qreceipt deliveryaddress");
  _exit(100);
}
static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}
static void die_read() {
  msg_fatal_sys("unable to read message");
  _exit(111);
}
static void die_parse() {
  msg_fatal("unable to parse Notice-Requested-Upon-Delivery-To field");
  _exit(100);
}

struct Want {
  const char* addr;
  bool found;
  bool nomem;
};

// Called once per address of the field, tokens in reverse order.
static bool check_addr(TokenList& addr, void* ctx) {
  Want* w = (Want*) ctx;
  TokenList copy;
  Bytes bare;
  if (!copy.append(addr)) {
    w->nomem = true;
    return false;
  }
  copy.reverse();
  if (!tok_unquote(bare, copy)) {
    w->nomem = true;
    return false;
  }
  if (bare.equals(w->addr)) w->found = true;
  return true;
}

static void check_field(const Bytes& field, Want* w) {
  TokenList toks, out, scratch;
  Bytes text;
  int r = tok_parse(toks, text, field.data(), field.len());
  if (r == -1) die_nomem();
  if (r == 0 || toks.len() < 2) die_parse();
  r = tok_addrlist(out, scratch, toks, 2, check_addr, w);
  if (w->nomem || r == -1) die_nomem();
  if (r == 0) die_parse();
}

// Read the header, joining continuation lines into whole fields.
static void read_header(const char* want, bool* found, Bytes& msgid) {
  char buf[4096];
  Input in(0, buf, sizeof buf);
  Bytes line, field;
  Want w = {want, false, false};
  bool done = false;
  while (!done) {
    int r = in.get_line(line, '\n');
    if (r == -1) die_read();
    if (r == 0 && line.empty()) done = true;
    bool cont = !done && !line.empty() &&
                (line.data()[0] == ' ' || line.data()[0] == '\t');
    if (!cont && !field.empty()) {
      int h = hfield_known(field.data(), field.len());
      if (h == kHNoticeRequested) check_field(field, &w);
      if (h == kHMessageId && msgid.empty() && !msgid.copy(field)) die_nomem();
      field.clear();
    }
    if (done || line.equals("\n", 1) || line.equals("\r\n", 2)) break;
    if (!field.append(line)) die_nomem();
    if (r == 0) done = true;
  }
  *found = w.found;
}

static void send_notice(const char* sender, const char* addr,
                        const Bytes& msgid) {
  Bytes q;
  if (!quote_addr(q, sender, str_len(sender))) die_nomem();
  QueueClient qq;
  if (!qq.open()) {
    msg_fatal_sys("unable to run qmail-queue");
    _exit(111);
  }
  qq.puts("From: DELIVERY NOTICE SYSTEM <");
  qq.put(q.data(), q.len());
  qq.puts(">\nTo: <");
  qq.put(q.data(), q.len());
  qq.puts(">\nSubject: success notice\n\n"
          "Hi! This is the qreceipt program. Your message was delivered to "
          "the\nfollowing address: ");
  qq.puts(addr);
  qq.puts(". Thanks for asking.\n");
  if (!msgid.empty()) {
    qq.puts("Your ");
    qq.put(msgid.data(), msgid.len());
    if (msgid.last() != '\n') qq.puts("\n");
  }
  qq.from("", 0);
  qq.to(sender, str_len(sender));
  const char* err = qq.close();
  if (!err) return;
  msg_fatal("unable to send notice: ", err + 1);
  _exit(err[0] == 'D' ? 100 : 111);
}

int main(int argc, char** argv) {
  msg_init("qreceipt");
  qm_sig_ignore(SIGPIPE);
  const char* sender = env_get("SENDER");
  if (argc < 2 || !sender) die_usage();
  bool found;
  Bytes msgid;
  read_header(argv[1], &found, msgid);
  if (!found || !*sender || str_equal(sender, "#@[]")) return 0;
  send_notice(sender, argv[1], msgid);
  return 0;
}
