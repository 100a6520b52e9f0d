// logsys.cc: openlog/syslog.
#include "config.h"
#include "compat/logsys.h"

#ifdef HAVE_SYSLOG_H
#include <syslog.h>
#endif

void qm_syslog_open(const char* tag, int facility) {
#if defined(HAVE_SYSLOG_H) && HAVE_DECL_LOG_MAIL
  openlog(tag, 0, facility << 3);
#elif defined(HAVE_SYSLOG_H)
  (void) facility;
  openlog(tag, 0);
#else
  (void) tag;
  (void) facility;
#endif
}

void qm_syslog_line(int kind, const char* line) {
#ifdef HAVE_SYSLOG_H
  int pri = LOG_INFO;
  if (kind == 1) pri = LOG_WARNING;
  if (kind == 2) pri = LOG_ALERT;
  syslog(pri, "%s", line);
#else
  (void) kind;
  (void) line;
#endif
}
