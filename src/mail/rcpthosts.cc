// rcpthosts.cc: control/rcpthosts and control/morercpthosts.cdb lookups.
#include "config.h"
#include "src/mail/rcpthosts.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/control.h"
#include "src/lib/fd.h"
#include "src/lib/str.h"

RcptHosts::RcptHosts() : exists_(false), fd_(-1) {}

RcptHosts::~RcptHosts() {
  cdb_.close();
  if (fd_ != -1) ::close(fd_);
}

int RcptHosts::init() {
  Bytes list;
  int r = control_read_list(list, "control/rcpthosts");
  if (r != 1) return r;
  if (!map_.init(list, false)) return -1;
  exists_ = true;
  // 1.03 consults the cdb only when rcpthosts itself exists.
  fd_ = open_read("control/morercpthosts.cdb");
  if (fd_ == -1) {
    if (errno == ENOENT) return 1;
    return -1;
  }
  if (!cdb_.init(fd_)) return -1;
  return 1;
}

int RcptHosts::check(const char* addr, size_t n) {
  if (!exists_) return 1;
  size_t at = byte_rchr(addr, n, '@');
  if (at == n) return 1;
  if (!host_.copy(addr + at + 1, n - at - 1)) return -1;
  char* h = host_.data();
  size_t len = host_.len();
  case_lower(h, len);
  for (size_t j = 0; j < len; ++j)
    if (j == 0 || h[j] == '.')
      if (map_.contains(h + j, len - j)) return 1;
  if (fd_ == -1) return 0;
  for (size_t j = 0; j < len; ++j)
    if (j == 0 || h[j] == '.') {
      int r = cdb_.find(h + j, len - j);
      if (r != 0) return r;
    }
  return 0;
}
