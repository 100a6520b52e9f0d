// hier.h: the single table of everything make setup creates or adjusts
// under the qmail home, with owner, group and mode (qmail-core §1.3,
// §3.1).  Owners are QmUser/QmGroup codes from src/mail/auto.h, or -1 for
// "leave alone".  Read-only data; safe anywhere.
#ifndef QM_INSTALL_HIER_H
#define QM_INSTALL_HIER_H

struct HierEntry {
  char kind;         // 'd' directory, 'x' installed program, 'p' FIFO, 'f' empty file
  const char* path;  // relative to the qmail home; "%" expands to 0..split-1
  int user;
  int group;
  int mode;
};

// The table, terminated by an entry with kind 0.
const HierEntry* hier_table();

#endif
