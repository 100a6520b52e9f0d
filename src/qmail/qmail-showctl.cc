// qmail-showctl: explain the qmail configuration.
//
// Run by anyone, no arguments.  Prints the compiled-in constants, then for
// each control file (fixed order, qmail-core §16) its effective value or
// "(Default.) ..." and finally every unknown file in control/.  Control
// file contents are shown with unprintable bytes as '?'.  Exit 0; 111
// with an "Oops! ..." line when the home or control/ cannot be entered.
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/io.h"
#include "src/lib/str.h"
#include "src/mail/auto.h"

static char g_buf[4096];
static Output* g_out = 0;

static void put(const char* s) { g_out->puts(s); }
static void put_safe(const char* s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if ((unsigned char) c < 32 || (unsigned char) c > 126) c = '?';
    g_out->put_char(c);
  }
}

static void head(const char* name) {
  put("\n");
  put(name);
  put(": ");
}

static const char kOops[] = "Oops! Trouble reading this file.\n";

static void show_list(const char* name, const char* def, const char* pre,
                      const char* suf) {
  Bytes path, list;
  path.copy("control/");
  path.append(name);
  head(name);
  int r = control_read_list(list, path.c_str());
  if (r == -1) { put(kOops); return; }
  if (r == 0) {
    put("(Default.) ");
    put(def);
    put("\n");
    return;
  }
  put("\n");
  size_t pos = 0;
  const char* s;
  size_t n;
  while (list_next(list, &pos, &s, &n)) {
    put(pre);
    put_safe(s, n);
    put(suf);
    put("\n");
  }
}

// me_default: a missing file shows the contents of control/me when that
// exists (the value the programs would use).
static void show_str(const char* name, bool me_default, const char* def,
                     const char* pre) {
  Bytes path, v;
  path.copy("control/");
  path.append(name);
  head(name);
  int r = control_read_line(v, path.c_str());
  if (r == -1) { put(kOops); return; }
  if (r == 0) {
    put("(Default.) ");
    Bytes me;
    if (!me_default || control_read_line(me, "control/me") != 1) me.copy(def);
    put(pre);
    put_safe(me.c_str(), me.len());
    put(".\n");
    return;
  }
  put(pre);
  put_safe(v.c_str(), v.len());
  put(".\n");
}

static void show_int(const char* name, unsigned long def, const char* pre,
                     const char* suf) {
  Bytes path, line;
  path.copy("control/");
  path.append(name);
  head(name);
  int r = control_read_line(line, path.c_str());
  if (r == -1) { put(kOops); return; }
  unsigned long u = def;
  if (r == 1) {
    u = 0;
    control_read_ulong(path.c_str(), &u);
  } else {
    put("(Default.) ");
  }
  put(pre);
  g_out->put_ulong(u);
  put(suf);
  put(".\n");
}

static void show_mrh_cdb() {
  head("morercpthosts.cdb");
  struct stat sc, sm;
  bool cdb = stat("control/morercpthosts.cdb", &sc) == 0;
  bool mrh = stat("control/morercpthosts", &sm) == 0;
  if (!cdb)
    put(mrh ? "Oops! morercpthosts exists but morercpthosts.cdb doesn't.\n"
            : "(Default.) No effect.\n");
  else if (!mrh)
    put("Oops! morercpthosts.cdb exists but morercpthosts doesn't.\n");
  else if (sc.st_mtime < sm.st_mtime)
    put("Oops! morercpthosts.cdb is older than morercpthosts.\n");
  else
    put("Modified recently enough; hopefully up to date.\n");
}

static const char* const kKnown[] = {
  "badmailfrom", "bouncefrom", "bouncehost", "concurrencylocal",
  "concurrencyremote", "databytes", "defaultdomain", "defaulthost",
  "doublebouncehost", "doublebounceto", "envnoathost", "helohost", "idhost",
  "localiphost", "locals", "me", "percenthack", "plusdomain", "qmqpservers",
  "queuelifetime", "rcpthosts", "morercpthosts", "morercpthosts.cdb",
  "smtpgreeting", "smtproutes", "timeoutconnect", "timeoutremote",
  "timeoutsmtpd", "virtualdomains", 0
};

static void show_unknown() {
  DIR* d = opendir("control");
  if (!d) return;
  struct dirent* e;
  while ((e = readdir(d)) != 0) {
    if (e->d_name[0] == '.') continue;
    bool known = false;
    for (int i = 0; kKnown[i]; ++i)
      if (str_equal(kKnown[i], e->d_name)) known = true;
    if (known) continue;
    head(e->d_name);
    put("I have no idea what this file does.\n");
  }
  closedir(d);
}

static void show_ids() {
  put("user ids: ");
  for (int i = 0; i < kUserCount; ++i) {
    if (i) put(", ");
    g_out->put_ulong((unsigned long) qm_uid(i));
  }
  put(".\ngroup ids: ");
  for (int i = 0; i < kGroupCount; ++i) {
    if (i) put(", ");
    g_out->put_ulong((unsigned long) qm_gid(i));
  }
  put(".\n");
}

int main() {
  Output out(1, g_buf, sizeof g_buf);
  g_out = &out;
  put("qmail home directory: ");
  put(qm_home());
  put(".\nuser-ext delimiter: ");
  put(qm_break());
  put(".\npaternalism (in decimal): ");
  out.put_ulong(kQmPatrn);
  put(".\nsilent concurrency limit: ");
  out.put_ulong(kQmSpawn);
  put(".\nsubdirectory split: ");
  out.put_ulong(kQmSplit);
  put(".\n");
  show_ids();
  if (!qm_chdir_home()) {
    put("Oops! Unable to chdir to ");
    put(qm_home());
    put(".\n");
    out.flush();
    return 111;
  }
  DIR* d = opendir("control");
  if (!d) {
    put("Oops! Unable to open the control directory.\n");
    out.flush();
    return 111;
  }
  closedir(d);
  show_list("badmailfrom", "Any MAIL FROM is allowed.", "", " not accepted in MAIL FROM.");
  show_str("bouncefrom", false, "MAILER-DAEMON", "Bounce user name is ");
  show_str("bouncehost", true, "bouncehost", "Bounce host name is ");
  show_int("concurrencylocal", 10, "Local concurrency is ", "");
  show_int("concurrencyremote", 20, "Remote concurrency is ", "");
  show_int("databytes", 0, "SMTP DATA limit is ", " bytes");
  show_str("defaultdomain", true, "defaultdomain", "Default domain name is ");
  show_str("defaulthost", true, "defaulthost", "Default host name is ");
  show_str("doublebouncehost", true, "doublebouncehost", "2B recipient host: ");
  show_str("doublebounceto", false, "postmaster", "2B recipient user: ");
  show_str("envnoathost", true, "envnoathost", "Presumed domain name is ");
  show_str("helohost", true, "helohost", "SMTP client HELO host name is ");
  show_str("idhost", true, "idhost", "Message-ID host name is ");
  show_str("localiphost", true, "localiphost", "Local IP address becomes ");
  show_list("locals", "Messages for me are delivered locally.", "Messages for ",
            " are delivered locally.");
  show_str("me", false, "undefined! Uh-oh", "My name is ");
  show_list("percenthack", "The percent hack is not allowed.",
            "The percent hack is allowed for user%host@", ".");
  show_str("plusdomain", true, "plusdomain", "Plus domain name is ");
  show_list("qmqpservers", "No QMQP servers.", "QMQP server: ", ".");
  show_int("queuelifetime", 604800, "Message lifetime in the queue is ", " seconds");
  struct stat st;
  if (stat("control/rcpthosts", &st) == 0) {
    show_list("rcpthosts", "SMTP clients may send messages to any recipient.",
              "SMTP clients may send messages to recipients at ", ".");
    show_list("morercpthosts", "No effect.",
              "SMTP clients may send messages to recipients at ", ".");
  } else {
    show_list("rcpthosts", "SMTP clients may send messages to any recipient.",
              "SMTP clients may send messages to recipients at ", ".");
    show_list("morercpthosts", "No rcpthosts; morercpthosts is irrelevant.",
              "No rcpthosts; doesn't matter that morercpthosts has ", ".");
  }
  show_mrh_cdb();
  show_str("smtpgreeting", true, "smtpgreeting", "SMTP greeting: 220 ");
  show_list("smtproutes", "No artificial SMTP routes.", "SMTP route: ", "");
  show_int("timeoutconnect", 60, "SMTP client connection timeout is ", " seconds");
  show_int("timeoutremote", 1200, "SMTP client data timeout is ", " seconds");
  show_int("timeoutsmtpd", 1200, "SMTP server data timeout is ", " seconds");
  show_list("virtualdomains", "No virtual domains.", "Virtual domain: ", "");
  show_unknown();
  return out.flush() ? 0 : 111;
}
