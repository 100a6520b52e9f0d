// control.h: read qmail-style configuration files.
//
// All readers return 1 when the file was read, 0 when it does not exist
// (the caller applies its default) and -1 on any other error (errno set;
// the caller treats it as temporary, exit 111).  Rules, from
// qmail-control(5):
//  * line: first line only, trailing spaces, tabs and newline removed; an
//    empty file gives the empty string.
//  * number: the leading decimal digits of the first line ("60 seconds"
//    is 60); a first line without a leading digit leaves *u unchanged and
//    returns 0, like a missing file.
//  * list: every line, trailing spaces/tabs removed, empty lines and lines
//    starting with '#' skipped; stored as NUL-terminated entries in out.
// Nothing is kept between calls; memory belongs to the caller's Bytes.
#ifndef QM_LIB_CONTROL_H
#define QM_LIB_CONTROL_H

#include <stddef.h>

class Bytes;

int file_read_all(Bytes& out, const char* path);
int control_read_line(Bytes& out, const char* path);
int control_read_ulong(const char* path, unsigned long* u);
int control_read_list(Bytes& out, const char* path);

// Walk NUL-terminated entries: on the first call *pos is 0; each call
// sets *s/*n to the next entry (without its NUL) and returns false at the
// end.
bool list_next(const Bytes& list, size_t* pos, const char** s, size_t* n);

#endif
