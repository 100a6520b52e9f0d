// dtline.h: the trace lines qmail-local adds and hands to programs
// (spec qmail-core §10.4), and its Delivered-To loop check (§10.2).
//
//   dtline_make:  "Delivered-To: <recipient>\n"
//   rpline_make:  "Return-Path: <quote2(sender)>\n"
//   ufline_make:  "From <sender or MAILER-DAEMON> <mbox date>\n"
// Inside the Delivered-To and Return-Path lines every '\n' becomes '_', so
// a hostile address cannot add header lines; in the From_ line space, tab
// and '\n' become '-'.  Each replaces the contents of out; false on ENOMEM.
//
// dtline_seen reads the header of the message on fd (from its current
// offset, up to the first empty line or end of input) and returns 1 when
// one of its lines equals dtline (compared byte for byte, without the
// final '\n'), 0 when none does, -1 on a read error (errno set).  Long
// lines are read in bounded pieces.  No allocation beyond one line of
// dtline's length; safe after fork.
#ifndef QM_MAIL_DTLINE_H
#define QM_MAIL_DTLINE_H

#include <stddef.h>

class Bytes;

bool dtline_make(Bytes& out, const char* recipient, size_t n);
bool rpline_make(Bytes& out, const char* sender, size_t n);
bool ufline_make(Bytes& out, const char* sender, size_t n,
                 unsigned long when);
int dtline_seen(int fd, const Bytes& dtline);

#endif
