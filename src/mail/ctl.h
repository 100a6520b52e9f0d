// ctl.h: control files of the qmail home (read relative to the current
// directory, which programs set to the home first).  ctl_line_me reads a
// "line, default me" file (qmail-control(5)): the file, else control/me,
// else fallback (fallback 0: return 0 to let the caller decide).
// Returns 1 with a value in out, 0 nothing, -1 error (errno).
#ifndef QM_MAIL_CTL_H
#define QM_MAIL_CTL_H

class Bytes;

int ctl_line_me(Bytes& out, const char* file, const char* fallback);

#endif
