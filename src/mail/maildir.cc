// maildir.cc: Maildir delivery, scanning and tmp cleaning.
#include "config.h"
#include "src/mail/maildir.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "compat/sync.h"
#include "src/lib/fd.h"
#include "src/lib/date.h"

static const char* volatile g_pending = 0;
// The second of this process's last delivery: a second delivery in the
// same second would reuse <time>.<pid>, so it waits for the next one.
static unsigned long g_last_sec = 0;

const char* maildir_pending_tmp() { return g_pending; }

// gethostname, with '/' and ':' written as \057 and \072 so the name can
// be neither a path separator nor a flag separator.
static bool host_part(Bytes& out) {
  char h[64];
  if (gethostname(h, sizeof h - 1) == -1) h[0] = 0;
  h[sizeof h - 1] = 0;
  for (const char* p = h; *p; ++p) {
    bool ok;
    if (*p == '/') ok = out.append("\\057");
    else if (*p == ':') ok = out.append("\\072");
    else ok = out.append_byte(*p);
    if (!ok) return false;
  }
  return true;
}

static bool make_name(Bytes& name, unsigned long t) {
  return name.copy("", 0) && name.append_ulong(t) && name.append_byte('.') &&
         name.append_ulong((unsigned long) getpid()) &&
         name.append_byte('.') && host_part(name);
}

static bool join(Bytes& out, const char* dir, const char* sub,
                 const Bytes& name) {
  return out.copy(dir) && (out.last() == '/' || out.append_byte('/')) &&
         out.append(sub) && out.append(name);
}

static bool is_dir(const char* path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Copy prefix and msgfd into fd; 0 ok, kMaildirReadMsg, kMaildirTemp.
static int write_message(int fd, const char* prefix, size_t n, int msgfd) {
  char buf[16384];
  if (n > sizeof buf) {
    if (!write_all(fd, prefix, n)) return kMaildirTemp;
    n = 0;
  } else {
    memcpy(buf, prefix, n);
  }
  for (;;) {
    ssize_t r = read(msgfd, buf + n, sizeof buf - n);
    if (r == -1) {
      if (errno == EINTR) continue;
      return kMaildirReadMsg;
    }
    n += (size_t) r;
    if (r == 0 || n == sizeof buf) {
      if (n && !write_all(fd, buf, n)) return kMaildirTemp;
      if (r == 0) return 0;
      n = 0;
    }
  }
}

static int fail_tmp(const Bytes& tmp, int code) {
  int e = errno;
  unlink(tmp.c_str());
  g_pending = 0;
  errno = e;
  return code;
}

int maildir_deliver(const char* dir, const char* prefix, size_t prefix_len,
                    int msgfd, Bytes* delivered) {
  Bytes name, tmp, dst;
  // qmail-local's chdir test: a missing tmp/ or new/ shows up below as a
  // temporary error instead.
  if (!is_dir(dir)) return kMaildirNoDir;
  int fd = -1;
  for (int tries = 0;; ++tries) {
    unsigned long t = now_sec();
    if (t == g_last_sec) {
      sleep(1);
      t = now_sec();
    }
    if (!make_name(name, t) || !join(tmp, dir, "tmp/", name) ||
        !join(dst, dir, "new/", name))
      return kMaildirTemp;
    struct stat st;
    // A name in use in tmp/ or new/ belongs to another delivery (a
    // recycled pid): wait for a new second, as maildir(5) says.
    if (stat(tmp.c_str(), &st) == -1 && errno == ENOENT &&
        stat(dst.c_str(), &st) == -1 && errno == ENOENT) {
      g_pending = tmp.c_str();
      fd = open_excl(tmp.c_str(), 0600);
      if (fd != -1) break;
      g_pending = 0;
      if (errno != EEXIST) return kMaildirTemp;
    }
    if (tries >= 2) {
      errno = EEXIST;
      return kMaildirTemp;
    }
    sleep(2);
  }
  g_last_sec = now_sec();
  int code = write_message(fd, prefix, prefix_len, msgfd);
  if (code) {
    close(fd);
    return fail_tmp(tmp, code);
  }
  // NFS reports write errors at fsync or close: check both.
  if (!qm_fsync(fd)) {
    close(fd);
    return fail_tmp(tmp, kMaildirTemp);
  }
  if (close(fd) == -1) return fail_tmp(tmp, kMaildirTemp);
  if (link(tmp.c_str(), dst.c_str()) == -1)
    return fail_tmp(tmp, kMaildirTemp);
  // The link is the delivery; make the new/ entry durable before we say
  // so.  Should that fsync fail, the message stays in new/ (retrying
  // would deliver it twice) and we still report a temporary error.
  Bytes newdir;
  bool synced = newdir.copy(dst.c_str(), dst.len() - name.len()) &&
                qm_fsync_dir(newdir.c_str());
  int e = errno;
  unlink(tmp.c_str());
  g_pending = 0;
  if (!synced) {
    errno = e;
    return kMaildirTemp;
  }
  // The name is only informational: running out of memory here must not
  // turn a delivered message into a failure.
  if (delivered && !(delivered->copy("new/") && delivered->append(name)))
    delivered->clear();
  return kMaildirOk;
}

bool maildir_clean_tmp(unsigned long now) {
  DIR* d = opendir("tmp");
  if (!d) return false;
  Bytes path;
  struct dirent* de;
  while ((de = readdir(d)) != 0) {
    if (de->d_name[0] == '.') continue;
    if (!path.copy("tmp/") || !path.append(de->d_name)) continue;
    struct stat st;
    if (stat(path.c_str(), &st) == -1) continue;
    if ((unsigned long) st.st_atime + kMaildirTmpAge < now)
      unlink(path.c_str());
  }
  closedir(d);
  return true;
}

MaildirList::~MaildirList() { free(msgs_); }

void MaildirList::clear() {
  n_ = 0;
  names_.clear();
}

bool MaildirList::add(const char* path, size_t n, unsigned long mtime,
                      unsigned long size) {
  if (n_ == cap_) {
    size_t cap = cap_ ? cap_ * 2 : 64;
    if (cap < cap_ || cap > ((size_t) -1) / sizeof(MaildirMsg)) {
      errno = ENOMEM;
      return false;
    }
    MaildirMsg* m = (MaildirMsg*) realloc(msgs_, cap * sizeof(MaildirMsg));
    if (!m) {
      errno = ENOMEM;
      return false;
    }
    msgs_ = m;
    cap_ = cap;
  }
  MaildirMsg& m = msgs_[n_];
  m.off = names_.len();
  m.path = 0;
  m.mtime = mtime;
  m.size = size;
  if (!names_.append(path, n) || !names_.append_byte(0)) return false;
  ++n_;
  return true;
}

bool MaildirList::scan_dir(const char* sub, unsigned long before) {
  DIR* d = opendir(sub);
  if (!d) return false;
  Bytes path;
  struct dirent* de;
  bool ok = true;
  for (;;) {
    errno = 0;
    de = readdir(d);
    if (!de) {
      if (errno) ok = false;
      break;
    }
    if (de->d_name[0] == '.') continue;
    if (!path.copy(sub) || !path.append_byte('/') ||
        !path.append(de->d_name)) {
      ok = false;
      break;
    }
    struct stat st;
    if (stat(path.c_str(), &st) == -1 || !S_ISREG(st.st_mode)) continue;
    if ((unsigned long) st.st_mtime >= before) continue;
    if (!add(path.data(), path.len(), (unsigned long) st.st_mtime,
             (unsigned long) st.st_size)) {
      ok = false;
      break;
    }
  }
  int e = errno;
  closedir(d);
  errno = e;
  return ok;
}

extern "C" {
static int maildir_cmp(const void* a, const void* b) {
  const MaildirMsg* x = (const MaildirMsg*) a;
  const MaildirMsg* y = (const MaildirMsg*) b;
  if (x->mtime != y->mtime) return x->mtime < y->mtime ? -1 : 1;
  return strcmp(x->path, y->path);
}
}

bool MaildirList::scan(bool with_cur, unsigned long before) {
  clear();
  if (!scan_dir("new", before) || (with_cur && !scan_dir("cur", before))) {
    int e = errno;
    clear();
    errno = e;
    return false;
  }
  // names_ may have moved while growing: point into it only now.
  for (size_t i = 0; i < n_; ++i) msgs_[i].path = names_.data() + msgs_[i].off;
  if (n_ > 1) qsort(msgs_, n_, sizeof(MaildirMsg), maildir_cmp);
  return true;
}

const char* maildir_uid(const char* path, size_t* n) {
  if ((strncmp(path, "new/", 4) == 0) || (strncmp(path, "cur/", 4) == 0))
    path += 4;
  const char* colon = strchr(path, ':');
  *n = colon ? (size_t) (colon - path) : strlen(path);
  return path;
}
