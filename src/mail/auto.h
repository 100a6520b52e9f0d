// auto.h: the installation constants compiled into every qmail program
// (qmail-showctl reports them): the qmail home, the uids and gids of the
// qmail accounts, and the fixed limits.
//
// Sandbox: when QM_SANDBOX_HOME is set in the environment and the process
// is not running set-id (real and effective ids agree), qm_home() returns
// it and every qmail uid/gid is the caller's own.  This lets the test
// suite and the quick start run a private qmail under the build tree
// with binaries configured for /var/qmail; it grants nothing a caller does
// not already have, and a setuid qmail-queue ignores it.
//
// Ids are -1 when the build could not resolve the account names (make
// setup refuses to install then).  Pure lookups; safe after fork.
#ifndef QM_MAIL_AUTO_H
#define QM_MAIL_AUTO_H

enum QmUser {
  kUserAlias, kUserQmaild, kUserQmaill, kUserRoot, kUserQmailp,
  kUserQmailq, kUserQmailr, kUserQmails, kUserCount
};
enum QmGroup { kGroupNofiles, kGroupQmail, kGroupCount };

enum {
  kQmSpawn = 120,   // silent concurrency limit of lspawn/rspawn (max 255)
  kQmSplit = 23,    // hashed queue subdirectories
  kQmPatrn = 002    // mode bits forbidden on home dirs and .qmail files
};

const char* qm_home();
const char* qm_compiled_home();
bool qm_sandbox();
int qm_uid(int which);
int qm_gid(int which);
const char* qm_user_name(int which);
const char* qm_group_name(int which);
const char* qm_break();     // user/extension delimiter, "-"
const char* qm_id_mode();   // "names" or "self"

// chdir to qm_home(); false with errno.
bool qm_chdir_home();

#endif
