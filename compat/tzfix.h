// tzfix.h: recover the local time zone for a daemon started with an empty
// environment.  IRIX init and Solaris keep TZ in a file (/etc/TIMEZONE,
// /etc/default/init) and hand it to processes through the environment, so
// a boot script running "env -" drops it and logs come out in UTC.  Where
// the C library reads /etc/localtime itself (Linux, BSD) nothing is needed
// and the file simply does not exist.
//
// qm_tz_from_file: if TZ is unset or empty, take the first "TZ=value" line
// of path (quotes stripped), put it into the environment (a heap copy that
// is never freed) and call tzset.  Returns 1 when TZ was set, 0 when it was
// left alone (TZ already set, or no TZ= line), -1 when the file could not
// be read (errno set).  qm_tz_fix uses the configured QM_TZ_FILE.
#ifndef QM_COMPAT_TZFIX_H
#define QM_COMPAT_TZFIX_H

int qm_tz_from_file(const char* path);
int qm_tz_fix();

#endif
