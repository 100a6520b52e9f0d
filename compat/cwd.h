// cwd.h: remember the working directory and return to it later.
//
// Uses fchdir where configure found it; otherwise (Apollo Domain/OS) the
// absolute path from getcwd, never a hard-coded one.  The object owns the
// fd or the path buffer and releases it in its destructor.  Failures
// return false with errno set.  Not for signal handlers.
#ifndef QM_COMPAT_CWD_H
#define QM_COMPAT_CWD_H

class SavedCwd {
 public:
  SavedCwd();
  ~SavedCwd();
  bool save();
  bool restore();
  static const char* method();  // "fchdir" or "chdir-path", for tests

 private:
  int fd_;
  char* path_;
  SavedCwd(const SavedCwd&);
  void operator=(const SavedCwd&);
};

#endif
