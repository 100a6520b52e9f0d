// qmail-local: deliver one message to one local recipient as a .qmail
// file (or the default delivery) says.  The work is in src/mail/deliver.cc,
// shared with qmail-lspawn's delivery children.  Spec: qmail-core §10.
#include "config.h"

#include "src/mail/deliver.h"

int main(int argc, char** argv) { return deliver_main(argc, argv); }
