// hier.cc: the installation table.  Programs are added here as they are
// written; make setup refuses to finish if one is missing.
#include "config.h"
#include "src/install/hier.h"

#include "src/mail/auto.h"

static const HierEntry kHier[] = {
  {'d', "", kUserRoot, kGroupQmail, 0755},
  {'d', "alias", kUserAlias, kGroupQmail, 02755},
  {'d', "bin", kUserRoot, kGroupQmail, 0755},
  {'d', "boot", kUserRoot, kGroupQmail, 0755},
  {'d', "control", kUserRoot, kGroupQmail, 0755},
  {'d', "doc", kUserRoot, kGroupQmail, 0755},
  {'d', "man", kUserRoot, kGroupQmail, 0755},
  {'d', "users", kUserRoot, kGroupQmail, 0755},

  {'d', "queue", kUserQmailq, kGroupQmail, 0750},
  {'d', "queue/pid", kUserQmailq, kGroupQmail, 0700},
  {'d', "queue/intd", kUserQmailq, kGroupQmail, 0700},
  {'d', "queue/todo", kUserQmailq, kGroupQmail, 0750},
  {'d', "queue/bounce", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/mess", kUserQmailq, kGroupQmail, 0750},
  {'d', "queue/mess/%", kUserQmailq, kGroupQmail, 0750},
  {'d', "queue/info", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/info/%", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/local", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/local/%", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/remote", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/remote/%", kUserQmails, kGroupQmail, 0700},
  {'d', "queue/lock", kUserQmailq, kGroupQmail, 0750},
  {'f', "queue/lock/sendmutex", kUserQmails, kGroupQmail, 0600},
  {'f', "queue/lock/tcpto", kUserQmailr, kGroupQmail, 0644},
  {'p', "queue/lock/trigger", kUserQmails, kGroupQmail, 0622},

  // --- ucspi-tcp client tools (issue 3, netdns): tcpclient rblsmtpd addcr
  // delcr fixcrio recordio argv0 mconnect-io and the scripts tcpcat
  // mconnect who@ date@ finger@ http@ go to --with-ucspi-bindir (root,
  // mode 0755, installed by automake), not under the qmail home, so they
  // have no rows here. ---

  // --- programs of the queue and its tools (issue 4) ---
  {'x', "bin/qmail-queue", kUserQmailq, kGroupQmail, 04711},
  {'x', "bin/qmail-lspawn", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-start", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-newu", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-send", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-clean", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-getpw", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-pw2u", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/splogger", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-showctl", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-qstat", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qmail-qread", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/config-fast", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/home", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/home+df", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/proc", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/proc+df", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm1", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm1+df", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm2", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm2+df", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm3", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/binm3+df", kUserRoot, kGroupQmail, 0755},

  // --- programs of local delivery and .qmail helpers (issue 4) ---
  {'x', "bin/qmail-local", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/maildirmake", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/maildir2mbox", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/maildirwatch", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/preline", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/forward", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/condredirect", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/bouncesaying", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/except", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/predate", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/datemail", kUserRoot, kGroupQmail, 0755},

  // --- programs of SMTP service and injection (issue 5) ---
  {'x', "bin/qmail-smtpd", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-newmrh", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-inject", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/sendmail", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/mailsubj", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/tcp-env", kUserRoot, kGroupQmail, 0755},
  {'x', "boot/qmail.init", kUserRoot, kGroupQmail, 0755},

  // --- programs of remote delivery (issue 5) ---
  {'x', "bin/qmail-remote", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-rspawn", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-tcpto", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-tcpok", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-qmqpc", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/config", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/dnscname", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/dnsfq", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/dnsip", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/dnsmxip", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/dnsptr", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/hostname", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/ipmeprint", kUserRoot, kGroupQmail, 0755},

  // --- ucspi-tcp programs (issue 3) ---
  // tcpserver, tcprules, tcprulescheck (and the client tools) are not
  // part of the qmail home: automake installs them into $(ucspibindir)
  // (ucspi_PROGRAMS, mode 0755), like ucspi-tcp's own /usr/local/bin, so
  // this home-relative table has no rows for them.

  // --- programs of POP3, QMQP/QMTP and the rest (issue 6) ---
  // POP-before-SMTP record: anyone may add an entry, nobody may list or
  // remove the others' (sticky, no read bit).
  {'d', "pbs", kUserRoot, kGroupQmail, 01733},
  {'x', "bin/qmail-popup", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-pop3d", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-checkpw", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-newpw", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-pbsadd", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qmail-pbscheck", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qmail-pbsclean", kUserRoot, kGroupQmail, 0700},
  {'x', "bin/qmail-qmqpd", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qmail-qmtpd", kUserRoot, kGroupQmail, 0711},
  {'x', "bin/qsmhook", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qbiff", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qreceipt", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/elq", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/pinq", kUserRoot, kGroupQmail, 0755},
  {'x', "bin/qail", kUserRoot, kGroupQmail, 0755},

  {0, 0, 0, 0, 0}
};

const HierEntry* hier_table() { return kHier; }
