// addr.cc: RFC 822 tokenizer, address-list walker and printer.
#include "config.h"
#include "src/mail/addr.h"

#include <stdlib.h>
#include <string.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"

TokenList::~TokenList() { free(t_); }

bool TokenList::grow(size_t extra) {
  if (len_ + extra <= cap_) return true;
  size_t want = cap_ ? cap_ : 16;
  while (want < len_ + extra) {
    if (want > ((size_t) -1) / 2 / sizeof(Token)) {
      errno = ENOMEM;
      return false;
    }
    want *= 2;
  }
  Token* n = (Token*) realloc(t_, want * sizeof(Token));
  if (!n) {
    errno = ENOMEM;
    return false;
  }
  t_ = n;
  cap_ = want;
  return true;
}

bool TokenList::append(const Token& t) {
  if (!grow(1)) return false;
  t_[len_++] = t;
  return true;
}

bool TokenList::append(int type, const char* s, size_t len) {
  Token t;
  t.type = type;
  t.s = s;
  t.len = len;
  return append(t);
}

bool TokenList::append(const TokenList& other) {
  if (!grow(other.len_)) return false;
  for (size_t i = 0; i < other.len_; ++i) t_[len_++] = other.t_[i];
  return true;
}

void TokenList::reverse() {
  for (size_t i = 0; i + 1 < len_ - i; ++i) {
    Token x = t_[i];
    t_[i] = t_[len_ - 1 - i];
    t_[len_ - 1 - i] = x;
  }
}

void TokenList::drop_front() {
  if (!len_) return;
  for (size_t i = 1; i < len_; ++i) t_[i - 1] = t_[i];
  --len_;
}

static int special_type(char c) {
  switch (c) {
    case '.': return kTokDot;
    case ',': return kTokComma;
    case '@': return kTokAt;
    case '<': return kTokLeft;
    case '>': return kTokRight;
    case ':': return kTokColon;
    case ';': return kTokSemi;
  }
  return 0;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool in_atom(char c) {
  return !is_space(c) && !special_type(c) && c != '(' && c != '[' &&
         c != '"';
}

// Read a bracketed token body starting after its opening character; the
// text goes to text (capacity reserved by the caller).  Returns the index
// after the closing character, or 0 when the input ends first.
static size_t bracketed(Bytes& text, const char* s, size_t n, size_t i,
                        char close, bool nest) {
  int depth = 1;
  for (;;) {
    if (i >= n) return 0;
    char c = s[i++];
    if (nest && c == '(') {
      ++depth;
      continue;
    }
    if (c == close) {
      if (--depth == 0) return i;
      continue;
    }
    if (c == '\\') {
      if (i >= n) return 0;
      c = s[i++];
    }
    text.append_byte(c);
  }
}

int tok_parse(TokenList& out, Bytes& text, const char* s, size_t n) {
  out.clear();
  text.clear();
  // Token text never exceeds the input, so one reservation keeps every
  // token pointer valid.
  if (!text.reserve(n + 1)) return -1;
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    int sp = special_type(c);
    if (sp) {
      if (!out.append(sp)) return -1;
      ++i;
      continue;
    }
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == ')' || c == ']') return 0;
    size_t start = text.len();
    int type;
    if (c == '(' || c == '"' || c == '[') {
      type = c == '(' ? kTokComment : c == '"' ? kTokQuote : kTokLiteral;
      char close = c == '(' ? ')' : c == '"' ? '"' : ']';
      i = bracketed(text, s, n, i + 1, close, c == '(');
      if (!i) return 0;
    } else {
      type = kTokAtom;
      do {
        if (s[i] == '\\' && ++i >= n) break;
        unsigned char u = (unsigned char) s[i];
        if (u < 32 || u > 126 || u == ')' || u == ']' || u == '\\')
          type = kTokQuote;
        text.append_byte(s[i]);
        ++i;
      } while (i < n && in_atom(s[i]));
    }
    if (!out.append(type, text.data() + start, text.len() - start))
      return -1;
  }
  return 1;
}

// The right-to-left walk.  State shared by the helpers below.
struct Walk {
  TokenList* out;
  TokenList* addr;
  TokAddrFn fn;
  void* ctx;
};

static bool got_addr(Walk* w) {
  if (!w->fn(*w->addr, w->ctx)) return false;
  if (!w->out->append(*w->addr)) return false;
  w->addr->clear();
  return true;
}

static bool flush(Walk* w, bool comma) {
  if (!w->addr->len()) return true;
  if (!got_addr(w)) return false;
  return !comma || w->out->append(kTokComma);
}

static bool is_word(int type) {
  return type == kTokAtom || type == kTokQuote || type == kTokLiteral;
}

// Tokens that may stand before a route address: its phrase.
static bool in_phrase(int type) {
  return type == kTokAtom || type == kTokQuote || type == kTokComment ||
         type == kTokAt || type == kTokDot;
}

int tok_addrlist(TokenList& out, TokenList& scratch, const TokenList& in,
                 size_t skip, TokAddrFn fn, void* ctx) {
  Walk w;
  w.out = &out;
  w.addr = &scratch;
  w.fn = fn;
  w.ctx = ctx;
  out.clear();
  scratch.clear();
  bool ingroup = false;
  bool wordok = true;
  // p counts down; p - 1 is the current token.
  size_t p = in.len();
  while (p > skip) {
    const Token& t = in[p - 1];
    switch (t.type) {
      case kTokSemi:
        if (!flush(&w, true)) return -1;
        if (ingroup) return 0;
        ingroup = true;
        wordok = true;
        break;
      case kTokColon:
        if (!flush(&w, false)) return -1;
        if (!ingroup) return 0;
        ingroup = false;
        // The group's name and its colon pass through untouched.
        while (p > skip && in[p - 1].type != kTokComma)
          if (!out.append(in[--p])) return -1;
        if (p > skip && !out.append(in[--p])) return -1;
        wordok = true;
        continue;
      case kTokRight:
        if (!flush(&w, true)) return -1;
        if (!out.append(in[--p])) return -1;
        while (p > skip && in[p - 1].type != kTokLeft)
          if (!scratch.append(in[--p])) return -1;
        // Even an empty route address (<>) is handed over.
        if (!got_addr(&w)) return -1;
        if (p <= skip) return 0;
        if (!out.append(in[--p])) return -1;
        while (p > skip && in_phrase(in[p - 1].type))
          if (!out.append(in[--p])) return -1;
        wordok = false;
        continue;
      case kTokAtom: case kTokQuote: case kTokLiteral:
        if (!wordok && !flush(&w, true)) return -1;
        wordok = false;
        if (!scratch.append(in[--p])) return -1;
        continue;
      case kTokComment:
        // A comment is white space for the word rule.
        break;
      case kTokComma:
        if (!flush(&w, false)) return -1;
        wordok = true;
        break;
      default:
        wordok = true;
        if (!scratch.append(in[--p])) return -1;
        continue;
    }
    if (!out.append(in[--p])) return -1;
  }
  if (!flush(&w, false)) return -1;
  while (p > 0)
    if (!out.append(in[--p])) return -1;
  out.reverse();
  return 1;
}

static const char kSpecials[] = "\0\0\0\0\0,@.<>:;";

static bool need_space(int a, int b) {
  if (!a) return false;
  if (a == kTokColon || a == kTokComma || b == kTokLeft) return true;
  bool wa = is_word(a) || a == kTokComment;
  bool wb = is_word(b) || b == kTokComment;
  return wa && wb;
}

static bool put_text(Bytes& out, const Token& t) {
  static const char kOpen[] = "\0\0\"[(";
  static const char kClose[] = "\0\0\"])";
  if (t.type != kTokAtom && !out.append_byte(kOpen[t.type])) return false;
  for (size_t i = 0; i < t.len; ++i) {
    char c = t.s[i];
    if (c == '"' || c == '[' || c == ']' || c == '(' || c == ')' ||
        c == '\\' || c == '\r' || c == '\n')
      if (!out.append_byte('\\')) return false;
    if (!out.append_byte(c)) return false;
  }
  return t.type == kTokAtom || out.append_byte(kClose[t.type]);
}


// Insert "\n " at offset at of out.
static bool insert_break(Bytes& out, size_t at) {
  if (!out.append("  ")) return false;
  char* d = out.data();
  memmove(d + at + 2, d + at, out.len() - 2 - at);
  d[at] = '\n';
  d[at + 1] = ' ';
  return true;
}

// Folding: every comma is a place where the line may break.  A break is
// kept only if the line would otherwise run past linelen by the next
// comma (or the end); lines after a break start with the break's space.
bool tok_unparse(Bytes& out, const TokenList& t, size_t linelen) {
  const size_t kNone = (size_t) -1;
  int last = 0;
  size_t pending = kNone;
  size_t start = out.len();
  for (size_t i = 0; i <= t.len(); ++i) {
    if (i < t.len()) {
      const Token& k = t[i];
      if (need_space(last, k.type) && !out.append_byte(' ')) return false;
      last = k.type;
      if (k.type <= kTokComment) {
        if (!put_text(out, k)) return false;
      } else if (!out.append_byte(kSpecials[k.type])) {
        return false;
      }
      if (k.type != kTokComma) continue;
    }
    if (pending != kNone && (!linelen || out.len() - start <= linelen)) {
      pending = out.len();
      continue;
    }
    if (pending != kNone) {
      if (!insert_break(out, pending)) return false;
      start = pending + 1;
    }
    pending = out.len();
  }
  return out.append_byte('\n');
}

bool tok_unquote(Bytes& out, const TokenList& t) {
  for (size_t i = 0; i < t.len(); ++i) {
    const Token& k = t[i];
    switch (k.type) {
      case kTokComment:
        break;
      case kTokLiteral:
        if (!out.append_byte('[') || !out.append(k.s, k.len) ||
            !out.append_byte(']'))
          return false;
        break;
      case kTokAtom: case kTokQuote:
        if (!out.append(k.s, k.len)) return false;
        break;
      default:
        if (!out.append_byte(kSpecials[k.type])) return false;
    }
  }
  return true;
}
