// auto.cc: accessors for the generated constants (auto_conf.cc).
#include "config.h"
#include "src/mail/auto.h"

#include <sys/types.h>
#include <stdlib.h>
#include <unistd.h>

extern const char qm_conf_home[];
extern const char qm_conf_idmode[];
extern const int qm_conf_uids[kUserCount];
extern const int qm_conf_gids[kGroupCount];

static const char* const kUserNames[kUserCount] = {
  "alias", "qmaild", "qmaill", "root", "qmailp", "qmailq", "qmailr", "qmails"
};
static const char* const kGroupNames[kGroupCount] = {"nofiles", "qmail"};

static const char* sandbox_home() {
  const char* h = getenv("QM_SANDBOX_HOME");
  if (!h || *h != '/') return 0;
  if (getuid() != geteuid() || getgid() != getegid()) return 0;
  return h;
}

bool qm_sandbox() { return sandbox_home() != 0; }

const char* qm_home() {
  const char* h = sandbox_home();
  return h ? h : qm_conf_home;
}

const char* qm_compiled_home() { return qm_conf_home; }

int qm_uid(int which) {
  if (which < 0 || which >= kUserCount) return -1;
  if (sandbox_home()) return (int) getuid();
  return qm_conf_uids[which];
}

int qm_gid(int which) {
  if (which < 0 || which >= kGroupCount) return -1;
  if (sandbox_home()) return (int) getgid();
  return qm_conf_gids[which];
}

const char* qm_user_name(int which) {
  return which >= 0 && which < kUserCount ? kUserNames[which] : "";
}

const char* qm_group_name(int which) {
  return which >= 0 && which < kGroupCount ? kGroupNames[which] : "";
}

const char* qm_break() { return "-"; }

const char* qm_id_mode() { return sandbox_home() ? "self" : qm_conf_idmode; }

bool qm_chdir_home() { return chdir(qm_home()) == 0; }
