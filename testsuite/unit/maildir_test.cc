// Unit tests for src/mail/maildir: delivery into tmp/new, the unique
// name, failure clean-up, scanning order and filters, tmp cleaning, uid.
#include "qtest.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <dirent.h>
#include <unistd.h>
#include <time.h>
#include <utime.h>
#include "src/lib/bytes.h"
#include "src/mail/maildir.h"

static void put(const char* path, const char* data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd == -1) return;
  if (write(fd, data, strlen(data)) < 0) {}
  close(fd);
}

static std::string get(const char* path) {
  std::string s;
  int fd = open(path, O_RDONLY);
  if (fd == -1) return "<missing>";
  char buf[4096];
  ssize_t r;
  while ((r = read(fd, buf, sizeof buf)) > 0) s.append(buf, (size_t) r);
  close(fd);
  return s;
}

static int count(const char* dir) {
  DIR* d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent* de;
  while ((de = readdir(d)) != 0)
    if (de->d_name[0] != '.') ++n;
  closedir(d);
  return n;
}

static void set_times(const char* path, time_t a, time_t m) {
  struct utimbuf u;
  u.actime = a;
  u.modtime = m;
  utime(path, &u);
}

static void mkmaildir(const char* d) {
  std::string s(d);
  mkdir(d, 0700);
  mkdir((s + "/tmp").c_str(), 0700);
  mkdir((s + "/new").c_str(), 0700);
  mkdir((s + "/cur").c_str(), 0700);
}

int main() {
  TestState t;
  char dir[] = "/tmp/qmmdXXXXXX";
  if (!mkdtemp(dir) || chdir(dir) == -1) return 1;
  mkmaildir("Maildir");

  put("msg", "Subject: x\n\nbody\nno newline");
  int fd = open("msg", O_RDONLY);
  Bytes name;
  const char pre[] = "Return-Path: <a@b>\nDelivered-To: u@h\n";
  int r = maildir_deliver("./Maildir/", pre, sizeof pre - 1, fd, &name);
  t.testrun(r == kMaildirOk, "deliver returns ok");
  t.testrun(name.starts_with("new/"), "delivered name in new/");
  std::string path = std::string("Maildir/") + name.c_str();
  t.testrun(get(path.c_str()) ==
                std::string(pre) + "Subject: x\n\nbody\nno newline",
            "delivered bytes are prefix + message unchanged");
  t.testrun(count("Maildir/tmp") == 0, "tmp empty after delivery");
  t.testrun(count("Maildir/new") == 1, "one file in new");
  struct stat st;
  t.testrun(stat(path.c_str(), &st) == 0 && (st.st_mode & 0777) == 0600,
            "delivered file mode 0600");
  // <time>.<pid>.<host>
  const char* n = name.c_str() + 4;
  char* end;
  strtoul(n, &end, 10);
  bool shape = end != n && *end == '.';
  if (shape) {
    const char* p = end + 1;
    unsigned long pid = strtoul(p, &end, 10);
    shape = end != p && *end == '.' && pid == (unsigned long) getpid();
  }
  t.testrun(shape, "name is time.pid.host");
  t.testrun(maildir_pending_tmp() == 0, "no pending tmp after delivery");

  // Second delivery in the same process gets a different name.
  lseek(fd, 0, SEEK_SET);
  Bytes name2;
  r = maildir_deliver("Maildir", "", 0, fd, &name2);
  t.testrun(r == kMaildirOk && !name2.equals(name.data(), name.len()) &&
                count("Maildir/new") == 2,
            "second delivery has a new name");
  t.testrun(get((std::string("Maildir/") + name2.c_str()).c_str()) ==
                "Subject: x\n\nbody\nno newline",
            "empty prefix");

  lseek(fd, 0, SEEK_SET);
  t.testrun(maildir_deliver("NoDir/", pre, 1, fd, 0) == kMaildirNoDir,
            "missing maildir");
  put("plainfile", "x");
  t.testrun(maildir_deliver("plainfile/", pre, 1, fd, 0) == kMaildirNoDir,
            "file as maildir");
  mkdir("Broken", 0700);
  mkdir("Broken/tmp", 0700);
  t.testrun(maildir_deliver("Broken/", pre, 1, fd, 0) == kMaildirTemp &&
                count("Broken/tmp") == 0,
            "missing new/: temporary error, tmp cleaned");
  close(fd);
  // A bad message descriptor is a read error and leaves nothing behind.
  t.testrun(maildir_deliver("Maildir", pre, 1, 999, 0) == kMaildirReadMsg &&
                count("Maildir/tmp") == 0 && count("Maildir/new") == 2,
            "read error leaves no file");
  // A prefix bigger than the copy buffer.
  std::string big(40000, 'h');
  big += "\n";
  fd = open("msg", O_RDONLY);
  Bytes name3;
  r = maildir_deliver("Maildir", big.data(), big.size(), fd, &name3);
  close(fd);
  t.testrun(r == kMaildirOk &&
                get((std::string("Maildir/") + name3.c_str()).c_str()) ==
                    big + "Subject: x\n\nbody\nno newline",
            "large prefix");

  // Scanning.
  mkmaildir("M2");
  if (chdir("M2") == -1) return 1;
  time_t now = time(0);
  put("new/b", "12345");
  set_times("new/b", now - 100, now - 100);
  put("new/a", "1");
  set_times("new/a", now - 100, now - 100);
  put("cur/c:2,S", "123");
  set_times("cur/c:2,S", now - 200, now - 200);
  put("new/.hidden", "x");
  set_times("new/.hidden", now - 300, now - 300);
  put("new/fresh", "x");
  set_times("new/fresh", now, now);
  mkdir("new/subdir", 0700);
  set_times("new/subdir", now - 500, now - 500);
  put("tmp/old", "x");
  set_times("tmp/old", now - kMaildirTmpAge - 10, now);
  put("tmp/young", "x");
  set_times("tmp/young", now - kMaildirTmpAge + 100, now);
  put("tmp/.oldhidden", "x");
  set_times("tmp/.oldhidden", now - kMaildirTmpAge - 10, now);

  MaildirList list;
  t.testrun(list.scan(true, (unsigned long) now), "scan ok");
  t.testrun(list.count() == 3, "scan skips dot files, dirs, this second");
  if (list.count() == 3) {
    t.testrun(strcmp(list.at(0).path, "cur/c:2,S") == 0 &&
                  strcmp(list.at(1).path, "new/a") == 0 &&
                  strcmp(list.at(2).path, "new/b") == 0,
              "sorted by mtime then path");
    t.testrun(list.at(0).size == 3 && list.at(2).size == 5 &&
                  list.at(0).mtime == (unsigned long) (now - 200),
              "sizes and mtimes");
  }
  t.testrun(list.scan(false, (unsigned long) now + 1) && list.count() == 3,
            "new only, later cut-off includes fresh");
  size_t un;
  const char* u = maildir_uid("cur/c:2,S", &un);
  t.testrun(std::string(u, un) == "c", "uid strips cur/ and flags");
  u = maildir_uid("new/abc.def", &un);
  t.testrun(std::string(u, un) == "abc.def", "uid of new file");

  t.testrun(maildir_clean_tmp((unsigned long) now), "clean tmp ok");
  t.testrun(access("tmp/old", F_OK) == -1 && access("tmp/young", F_OK) == 0 &&
                access("tmp/.oldhidden", F_OK) == 0,
            "clean removes only old non-dot files");
  if (chdir("..") == -1) return 1;
  if (chdir("NoDir") == 0) return 1;
  if (chdir("Broken") == -1) return 1;
  t.testrun(!list.scan(true, (unsigned long) now) && list.count() == 0,
            "scan of missing new/ fails");
  return 0;
}
