// addr.h: RFC 822 tokens and address lists, for qmail-inject (and any
// tool that rewrites addresses in header fields).
//
// tok_parse splits text into tokens: atoms, quoted strings, domain
// literals, comments (their text unescaped; nested parentheses are
// dropped from comment text) and the specials . , @ < > : ;  White space
// only separates.  An atom holding a control or 8-bit byte, ')' ']' or
// '\' becomes a quoted string.  Token text points into a Bytes the caller
// supplies (reserved once, so the pointers stay valid until that Bytes
// changes).  Unbalanced quotes, comments or literals, and a stray ')' or
// ']', are a syntax error.
//
// tok_addrlist walks the address list of a header field (the first
// `skip` tokens are the field name and colon) from right to left, as
// qmail 1.03 does, calling fn once per address with the address's tokens
// in REVERSE order (so rewriting can append by prepending); fn may change
// them.  Missing commas between addresses are inserted.  The result
// (normal order) goes to out.  tok_unparse writes tokens back as text,
// breaking lines after commas so that lines stay within linelen columns
// where possible (0: one line), ending with LF.  tok_unquote writes the
// bare address (comments dropped, quotes removed) for an envelope.
//
// Returns: tok_parse/tok_addrlist 1 ok, 0 syntax error, -1 no memory;
// the others false on ENOMEM.  Not for signal handlers.
#ifndef QM_MAIL_ADDR_H
#define QM_MAIL_ADDR_H
#include <stddef.h>
class Bytes;

enum TokType {
  kTokAtom = 1, kTokQuote, kTokLiteral, kTokComment,
  kTokComma, kTokAt, kTokDot, kTokLeft, kTokRight, kTokColon, kTokSemi
};

struct Token {
  int type;
  const char* s;   // text of atom/quote/literal/comment, else unused
  size_t len;
};

class TokenList {
 public:
  TokenList() : t_(0), len_(0), cap_(0) {}
  ~TokenList();
  bool append(const Token& t);
  bool append(int type, const char* s = 0, size_t len = 0);
  // Append every token of other, in order.
  bool append(const TokenList& other);
  void reverse();
  void clear() { len_ = 0; }
  void truncate(size_t n) { if (n < len_) len_ = n; }
  // Drop the first token.
  void drop_front();
  size_t len() const { return len_; }
  Token& operator[](size_t i) { return t_[i]; }
  const Token& operator[](size_t i) const { return t_[i]; }
 private:
  bool grow(size_t extra);
  Token* t_;
  size_t len_;
  size_t cap_;
  TokenList(const TokenList&);
  void operator=(const TokenList&);
};

int tok_parse(TokenList& out, Bytes& text, const char* s, size_t n);

typedef bool (*TokAddrFn)(TokenList& addr, void* ctx);
int tok_addrlist(TokenList& out, TokenList& scratch, const TokenList& in,
                 size_t skip, TokAddrFn fn, void* ctx);

bool tok_unparse(Bytes& out, const TokenList& t, size_t linelen);
bool tok_unquote(Bytes& out, const TokenList& t);
#endif
