// logsys.h: open the system log for a tag and facility number,
// write one line at a priority.  Hides the 4.2BSD two-argument openlog.
// Priorities: kind 0 info, 1 warning, 2 alert.  Facility numbers are the
// LOG_* codes divided by 8 (2 = mail), as splogger's argument is given.
#ifndef QM_COMPAT_LOGSYS_H
#define QM_COMPAT_LOGSYS_H

void qm_syslog_open(const char* tag, int facility);
void qm_syslog_line(int kind, const char* line);

#endif
