// qmail-inject: prepare a message and hand it to qmail-queue.
//
// Run by users and programs (through sendmail) with the message on stdin:
//   qmail-inject [ -nNaAhH ] [ -fsender ] [ recip ... ]
// Trusts its environment and the control files (defaultdomain,
// defaulthost, plusdomain, idhost: qmail-core §14), not the message.  It
// completes the header (Date, Message-ID, From, Cc for a message without
// To or Cc; the Resent- forms for a resent message), rewrites the
// addresses of address fields, drops Bcc/Resent-Bcc/Return-Path/
// Content-Length, takes the envelope recipients from the arguments and/or
// the header, and queues the result with qmail-queue (or prints it with
// -n).  Exit 0 queued; 100 bad usage, unparseable header or address,
// permanent qmail-queue failure; 111 temporary failure.
#include "config.h"

#include <unistd.h>
#include "compat/sig.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/date.h"
#include "src/lib/env.h"
#include "src/lib/fmt.h"
#include "src/lib/io.h"
#include "src/lib/msg.h"
#include "src/lib/opt.h"
#include "src/lib/str.h"
#include "src/mail/addr.h"
#include "src/mail/auto.h"
#include "src/mail/ctl.h"
#include "src/mail/domainmap.h"
#include "src/mail/hfield.h"
#include "src/mail/qqclient.h"
#include "src/mail/quote.h"

enum { kLineLen = 80 };
enum { kRecipDefault, kRecipArgs, kRecipHeader, kRecipBoth };

struct Inject {
  bool queue;
  bool flagrh;
  bool resent;
  bool sender_set;
  bool namecomment, delsender, delfrom, delmsgid, hackrecip, hackmess;
  const char* mailhost;
  const char* mailuser;
  const char* mailrhost;
  const char* mailruser;
  unsigned long start;
  Bytes sender;
  Bytes idhost;
  TokenList defaultdomain, defaulthost, plusdomain;
  Bytes ddbuf, dhbuf, pdbuf;
  Bytes reciplist, hrlist, hrrlist, tocclist;  // NUL-terminated entries
  bool seen[kHCount];
  Bytes savedh;
  bool mft_ok;
  DomainMap mft;
  QueueClient qq;
  Output* out;
  // scratch for header rewriting
  TokenList tin, tout, taddr;
  Bytes tbuf;
};

static void die_nomem() {
  msg_fatal("out of memory");
  _exit(111);
}
static void die_read() {
  msg_fatal("read error");
  _exit(111);
}
static void die_qqt() {
  msg_fatal("unable to run qmail-queue");
  _exit(111);
}
static void die_parse(const char* s, size_t n) {
  // 1.03 prints the offending text as is, after a line of its own.
  Bytes b;
  if (!b.append("qmail-inject: fatal: unable to parse this line:\n") ||
      !b.append(s, n))
    die_nomem();
  write(2, b.data(), b.len());
  _exit(100);
}
static void doordie(int r, const char* s, size_t n) {
  if (r == 1) return;
  if (r == -1) die_nomem();
  die_parse(s, n);
}

static void put(Inject* in, const char* s, size_t n) {
  if (in->queue)
    in->qq.put(s, n);
  else
    in->out->put(s, n);
}
static void puts_(Inject* in, const char* s) { put(in, s, str_len(s)); }

// Address rewriting (qmail-core §14.4) on a token list in reverse order:
// index 0 is the last token of the address.
static void prepend_rev(TokenList& a, const TokenList& extra) {
  TokenList tmp;
  size_t i = extra.len();
  while (i) {
    if (!tmp.append(extra[--i])) die_nomem();
  }
  if (!tmp.append(a)) die_nomem();
  a.clear();
  if (!a.append(tmp)) die_nomem();
}

static void rw_generic(Inject* in, TokenList& a) {
  if (!a.len()) return;  // <>
  // <x@[]> is the VERP marker for qmail-send.
  if (a.len() >= 2 && a[1].type == kTokAt && a[0].type == kTokLiteral &&
      !a[0].len)
    return;
  if (a[a.len() - 1].type == kTokAt) {
    // Source route: drop through the first colon.
    while (a.len()) {
      int type = a[a.len() - 1].type;
      a.truncate(a.len() - 1);
      if (type == kTokColon) break;
    }
  }
  if (!a.len()) return;
  if (a[0].type == kTokDot) a.drop_front();
  if (!a.len()) return;
  if (a[0].type == kTokAt) a.drop_front();
  if (!a.len()) return;
  bool has_at = false;
  for (size_t i = 0; i < a.len(); ++i)
    if (a[i].type == kTokAt) has_at = true;
  if (!has_at) prepend_rev(a, in->defaulthost);
  if (a[0].type == kTokAtom && a[0].len && a[0].s[a[0].len - 1] == '+') {
    --a[0].len;
    prepend_rev(a, in->plusdomain);
  }
  for (size_t i = 0; i < a.len() && a[i].type != kTokAt; ++i)
    if (a[i].type == kTokDot || a[i].type == kTokLiteral) return;
  prepend_rev(a, in->defaultdomain);
}

// Append the bare form of a reversed address to a NUL-separated list.
static void rw_append(TokenList& a, Bytes& list) {
  a.reverse();
  if (!tok_unquote(list, a) || !list.append_byte(0)) die_nomem();
  a.reverse();
}

static bool rw_sender(TokenList& a, void* ctx) {
  rw_generic((Inject*) ctx, a);
  return true;
}
static bool rw_return(TokenList& a, void* ctx) {
  Inject* in = (Inject*) ctx;
  rw_generic(in, a);
  if (!in->sender_set) {
    a.reverse();
    in->sender.clear();
    if (!tok_unquote(in->sender, a)) die_nomem();
    if (in->hackrecip && !in->sender.append("-@[]")) die_nomem();
    a.reverse();
    in->sender_set = true;
  }
  return true;
}
static bool rw_hr(TokenList& a, void* ctx) {
  Inject* in = (Inject*) ctx;
  rw_generic(in, a);
  rw_append(a, in->hrlist);
  return true;
}
static bool rw_hrr(TokenList& a, void* ctx) {
  Inject* in = (Inject*) ctx;
  rw_generic(in, a);
  rw_append(a, in->hrrlist);
  return true;
}
static bool rw_tocc(TokenList& a, void* ctx) {
  Inject* in = (Inject*) ctx;
  rw_generic(in, a);
  rw_append(a, in->hrlist);
  rw_append(a, in->tocclist);
  return true;
}

// Parse text as a header field, rewrite its addresses, print it to out.
static void rewrite_field(Inject* in, Bytes& out, const char* s, size_t n,
                          TokAddrFn fn) {
  doordie(tok_parse(in->tin, in->tbuf, s, n), s, n);
  doordie(tok_addrlist(in->tout, in->taddr, in->tin, 2, fn, in), s, n);
  out.clear();
  if (!tok_unparse(out, in->tout, kLineLen)) die_nomem();
}

static TokAddrFn field_rewriter(int type) {
  switch (type) {
    case kHTo: case kHCc: return rw_tocc;
    case kHBcc: case kHApparentlyTo: return rw_hr;
    case kHRTo: case kHRCc: case kHRBcc: return rw_hrr;
    case kHReturnPath: return rw_return;
    case kHSender: case kHFrom: case kHReplyTo: case kHReturnReceiptTo:
    case kHErrorsTo: case kHRSender: case kHRFrom: case kHRReplyTo:
      return rw_sender;
  }
  return 0;
}

static void header_field(Inject* in, Bytes& h) {
  int type = hfield_known(h.data(), h.len());
  if (in->delfrom && type == kHFrom) return;
  if (in->delmsgid && type == kHMessageId) return;
  if (in->delsender && type == kHReturnPath) return;
  if (type) {
    in->seen[type] = true;
  } else if (!hfield_valid(h.data(), h.len())) {
    Bytes clean;
    msg_clean(clean, h.data(), h.len());
    msg_fatal("invalid header field: ", clean.c_str());
    _exit(100);
  }
  TokAddrFn fn = field_rewriter(type);
  if (fn) {
    Bytes copy;
    if (!copy.copy(h)) die_nomem();
    rewrite_field(in, h, copy.data(), copy.len(), fn);
  }
  if (type == kHBcc || type == kHRBcc || type == kHReturnPath ||
      type == kHContentLength)
    return;
  if (!in->savedh.append(h)) die_nomem();
}

// Build a field from tokens, then run it through the same rewriting as
// a header line would get.
static void make_field(Inject* in, Bytes& out, TokenList& t, TokAddrFn fn) {
  Bytes text;
  if (!tok_unparse(text, t, kLineLen)) die_nomem();
  rewrite_field(in, out, text.data(), text.len(), fn);
}

static void default_from(Inject* in, Bytes& out) {
  const char* name = env_get("QMAILNAME");
  if (!name) name = env_get("MAILNAME");
  if (!name) name = env_get("NAME");
  TokenList t;
  bool ok = t.append(kTokAtom, "From", 4) && t.append(kTokColon);
  if (name && !in->namecomment)
    ok = ok && t.append(kTokQuote, name, str_len(name)) && t.append(kTokLeft);
  int utype = quote_local_needed(in->mailuser, str_len(in->mailuser))
                  ? kTokQuote : kTokAtom;
  ok = ok && t.append(utype, in->mailuser, str_len(in->mailuser));
  if (in->mailhost)
    ok = ok && t.append(kTokAt) &&
         t.append(kTokAtom, in->mailhost, str_len(in->mailhost));
  if (name && !in->namecomment) ok = ok && t.append(kTokRight);
  if (name && in->namecomment)
    ok = ok && t.append(kTokComment, name, str_len(name));
  if (!ok) die_nomem();
  make_field(in, out, t, rw_sender);
}

static void default_return_path(Inject* in) {
  Bytes user;
  if (!user.copy(in->mailruser)) die_nomem();
  if (in->hackmess) {
    if (!user.append_byte('-') || !user.append_ulong(in->start) ||
        !user.append_byte('.') || !user.append_ulong((unsigned long) getpid()))
      die_nomem();
  }
  if (in->hackrecip && !user.append_byte('-')) die_nomem();
  TokenList t;
  bool ok = t.append(kTokAtom, "Return-Path", 11) && t.append(kTokColon) &&
            t.append(kTokQuote, user.data(), user.len());
  if (in->mailrhost)
    ok = ok && t.append(kTokAt) &&
         t.append(kTokAtom, in->mailrhost, str_len(in->mailrhost));
  if (!ok) die_nomem();
  Bytes out;
  make_field(in, out, t, rw_return);
}

static void put_date(Inject* in) {
  DateTime dt;
  char buf[kFmtDate];
  date_from_unix(&dt, in->start);
  puts_(in, "Date: ");
  put(in, buf, fmt_date822(buf, &dt));
  puts_(in, "\n");
}

static void put_msgid(Inject* in) {
  DateTime dt;
  char buf[kFmtDate];
  date_from_unix(&dt, in->start);
  puts_(in, "Message-ID: <");
  put(in, buf, fmt_date_stamp(buf, &dt));
  Bytes b;
  if (!b.append_byte('.') || !b.append_ulong((unsigned long) getpid()) ||
      !b.append(".qmail@") || !b.append(in->idhost) || !b.append(">\n"))
    die_nomem();
  put(in, b.data(), b.len());
}

// Mail-Followup-To for mail to a list named in $QMAILMFTFILE.
static void finish_mft(Inject* in) {
  if (!in->mft_ok || in->seen[kHMailFollowupTo]) return;
  const Bytes& l = in->tocclist;
  bool hit = false;
  size_t pos = 0;
  const char* s;
  size_t n;
  size_t count = 0;
  while (list_next(l, &pos, &s, &n)) {
    ++count;
    if (in->mft.contains(s, n)) hit = true;
  }
  if (!hit) return;
  // The list holds each field's addresses right to left; print them back
  // in reverse, as 1.03 does.
  puts_(in, "Mail-Followup-To: ");
  for (size_t k = count; k > 0; --k) {
    pos = 0;
    for (size_t j = 0; j < k; ++j) list_next(l, &pos, &s, &n);
    Bytes q;
    if (!quote_addr(q, s, n)) die_nomem();
    put(in, q.data(), q.len());
    if (k > 1) puts_(in, ",\n  ");
  }
  puts_(in, "\n");
}

static void finish_header(Inject* in) {
  const bool* seen = in->seen;
  in->resent = seen[kHRSender] || seen[kHRFrom] || seen[kHRReplyTo] ||
               seen[kHRTo] || seen[kHRCc] || seen[kHRBcc] || seen[kHRDate] ||
               seen[kHRMessageId];
  if (!in->sender_set) default_return_path(in);
  if (!in->queue) {
    Bytes q;
    if (!q.append("Return-Path: <") ||
        !quote_addr(q, in->sender.data(), in->sender.len()) ||
        !q.append(">\n"))
      die_nomem();
    put(in, q.data(), q.len());
  }
  if (in->queue && !in->qq.open()) die_qqt();
  const char* pre = in->resent ? "Resent-" : "";
  if (!seen[in->resent ? kHRDate : kHDate]) {
    puts_(in, pre);
    put_date(in);
  }
  if (!seen[in->resent ? kHRMessageId : kHMessageId]) {
    puts_(in, pre);
    put_msgid(in);
  }
  if (!seen[in->resent ? kHRFrom : kHFrom]) {
    Bytes from;
    default_from(in, from);
    puts_(in, pre);
    put(in, from.data(), from.len());
  }
  if (in->resent) {
    if (!seen[kHRTo] && !seen[kHRCc])
      puts_(in, "Resent-Cc: recipient list not shown: ;\n");
  } else {
    if (!seen[kHTo] && !seen[kHCc])
      puts_(in, "Cc: recipient list not shown: ;\n");
    finish_mft(in);
  }
  put(in, in->savedh.data(), in->savedh.len());
}

// Header and body, split as qmail 1.03 does: a header field continues on
// lines starting with space or tab; the header ends at an empty line, or
// before the first line that cannot start a field (an empty line is put
// in between).  A last line without LF gets one.
static int read_line(Input& is, Bytes& l) {
  int r = is.get_line(l, '\n');
  if (r == -1) die_read();
  if (r == 0 && l.empty()) return 0;
  if (r == 0 && !l.append_byte('\n')) die_nomem();
  return 1;
}

static void copy_body(Inject* in, Input& is) {
  char last = '\n';
  for (;;) {
    long r = is.fill();
    if (r < 0) die_read();
    if (r == 0) break;
    put(in, is.peek(), (size_t) r);
    last = is.peek()[r - 1];
    is.skip((size_t) r);
  }
  if (last != '\n') put(in, "\n", 1);
}

static void header_body(Inject* in, Input& is) {
  Bytes line, next;
  bool have = false;
  for (;;) {
    if (!read_line(is, next)) {
      if (have) header_field(in, line);
      finish_header(in);
      return;
    }
    if (have) {
      if (next.data()[0] == ' ' || next.data()[0] == '\t') {
        if (!line.append(next)) die_nomem();
        continue;
      }
      header_field(in, line);
    }
    if (next.len() == 1) {
      finish_header(in);
      put(in, "\n", 1);
      break;
    }
    if (next.starts_with("From ")) {
      if (!line.copy("MBOX-Line: ") || !line.append(next)) die_nomem();
    } else if (hfield_valid(next.data(), next.len())) {
      if (!line.copy(next)) die_nomem();
    } else {
      finish_header(in);
      put(in, "\n", 1);
      put(in, next.data(), next.len());
      break;
    }
    have = true;
  }
  copy_body(in, is);
}

static void load_domain(TokenList& t, Bytes& buf, Bytes& text,
                        const char* file, const char* fallback,
                        const char* envname, const char* prefix) {
  Bytes v;
  if (ctl_line_me(v, file, fallback) != 1) die_read();
  const char* x = env_get(envname);
  if (x && !v.copy(x)) die_nomem();
  if (!text.copy(prefix) || !text.append(v)) die_nomem();
  doordie(tok_parse(t, buf, text.data(), text.len()), text.data(),
          text.len());
}

static void get_controls(Inject* in, Bytes* texts) {
  const char* x = env_get("QMAILMFTFILE");
  in->mft_ok = false;
  if (x) {
    Bytes list;
    int r = control_read_list(list, x);
    if (r == -1) die_read();
    if (r == 1) {
      if (!in->mft.init(list, false)) die_nomem();
      in->mft_ok = true;
    }
  }
  if (!qm_chdir_home()) {
    msg_fatal_sys("unable to switch to ", qm_home());
    _exit(111);
  }
  load_domain(in->defaultdomain, in->ddbuf, texts[0], "control/defaultdomain",
              "defaultdomain", "QMAILDEFAULTDOMAIN", ".");
  load_domain(in->defaulthost, in->dhbuf, texts[1], "control/defaulthost",
              "defaulthost", "QMAILDEFAULTHOST", "@");
  load_domain(in->plusdomain, in->pdbuf, texts[2], "control/plusdomain",
              "plusdomain", "QMAILPLUSDOMAIN", ".");
  if (ctl_line_me(in->idhost, "control/idhost", "idhost") != 1) die_read();
  x = env_get("QMAILIDHOST");
  if (x && !in->idhost.copy(x)) die_nomem();
}

static void read_env(Inject* in) {
  const char* o = env_get("QMAILINJECT");
  for (; o && *o; ++o) {
    switch (*o) {
      case 'c': in->namecomment = true; break;
      case 's': in->delsender = true; break;
      case 'f': in->delfrom = true; break;
      case 'i': in->delmsgid = true; break;
      case 'r': in->hackrecip = true; break;
      case 'm': in->hackmess = true; break;
    }
  }
  in->mailhost = env_get("QMAILHOST");
  if (!in->mailhost) in->mailhost = env_get("MAILHOST");
  in->mailrhost = env_get("QMAILSHOST");
  if (!in->mailrhost) in->mailrhost = in->mailhost;
  in->mailuser = env_get("QMAILUSER");
  if (!in->mailuser) in->mailuser = env_get("MAILUSER");
  if (!in->mailuser) in->mailuser = env_get("USER");
  if (!in->mailuser) in->mailuser = env_get("LOGNAME");
  if (!in->mailuser) in->mailuser = "anonymous";
  in->mailruser = env_get("QMAILSUSER");
  if (!in->mailruser) in->mailruser = in->mailuser;
}

// -f and the recipient arguments are bare addresses: quote, then parse.
static void parse_arg(Inject* in, TokenList& t, Bytes& buf, Bytes& q,
                      const char* s, bool is_sender) {
  q.clear();
  if (!quote_addr(q, s, str_len(s))) die_nomem();
  int r = tok_parse(t, buf, q.data(), q.len());
  if (r == -1) die_nomem();
  if (r == 0) {
    if (is_sender) die_parse(q.data(), q.len());
    Bytes clean;
    msg_clean(clean, s, str_len(s));
    msg_fatal("unable to parse address: ", clean.c_str());
    _exit(100);
  }
  t.reverse();
  rw_generic(in, t);
}

static void queue_it(Inject* in) {
  QueueClient& qq = in->qq;
  qq.from(in->sender.data(), in->sender.len());
  const Bytes* lists[2];
  lists[0] = &in->reciplist;
  lists[1] = in->flagrh ? (in->resent ? &in->hrrlist : &in->hrlist) : 0;
  for (int k = 0; k < 2; ++k) {
    if (!lists[k]) continue;
    size_t pos = 0;
    const char* s;
    size_t n;
    while (list_next(*lists[k], &pos, &s, &n)) qq.to(s, n);
  }
  const char* qqx = qq.close();
  if (!qqx) return;
  msg_fatal(qqx + 1);
  _exit(*qqx == 'D' ? 100 : 111);
}

int main(int argc, char** argv) {
  msg_init("qmail-inject");
  qm_sig_ignore(SIGPIPE);
  char obuf[4096];
  Output o(1, obuf, sizeof obuf);
  Inject in;
  in.out = &o;
  in.queue = true;
  in.sender_set = false;
  in.resent = false;
  in.namecomment = in.delsender = in.delfrom = in.delmsgid = false;
  in.hackrecip = in.hackmess = false;
  for (int i = 0; i < kHCount; ++i) in.seen[i] = false;
  in.start = now_sec();
  read_env(&in);
  Bytes texts[3];
  get_controls(&in, texts);
  int strategy = kRecipDefault;
  OptState st;
  opt_init(&st);
  int c;
  TokenList envs;
  Bytes envbuf, envq;
  while ((c = opt_next(&st, argc, argv, "aAhHnNf:")) != -1) {
    switch (c) {
      case 'a': strategy = kRecipArgs; break;
      case 'A': strategy = kRecipDefault; break;
      case 'h': strategy = kRecipHeader; break;
      case 'H': strategy = kRecipBoth; break;
      case 'n': in.queue = false; break;
      case 'N': in.queue = true; break;
      case 'f':
        parse_arg(&in, envs, envbuf, envq, st.arg, true);
        envs.reverse();
        in.sender.clear();
        if (!tok_unquote(in.sender, envs)) die_nomem();
        in.sender_set = true;
        break;
      default:
        _exit(100);
    }
  }
  char** args = argv + st.ind;
  if (strategy == kRecipDefault)
    strategy = *args ? kRecipArgs : kRecipHeader;
  if (strategy != kRecipHeader) {
    TokenList t;
    Bytes buf, q;
    for (; *args; ++args) {
      parse_arg(&in, t, buf, q, *args, false);
      rw_append(t, in.reciplist);
    }
  }
  in.flagrh = strategy != kRecipArgs;
  char ibuf[8192];
  Input is(0, ibuf, sizeof ibuf);
  header_body(&in, is);
  if (!in.queue) {
    if (!o.flush()) {
      msg_fatal_sys("unable to write output");
      _exit(111);
    }
    return 0;
  }
  queue_it(&in);
  return 0;
}
