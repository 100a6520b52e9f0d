// deliver: the local delivery of qmail-local, callable in-process.
#ifndef QM_MAIL_DELIVER_H
#define QM_MAIL_DELIVER_H

// Runs qmail-local with this argument vector (argv[0] is ignored):
//   [ -nN ] user homedir local dash ext domain sender aliasempty
// fd 0 is the message, fd 1 and 2 the report.  Never returns on failure
// (it _exits 100 or 111 with the reason on fd 2); returns 0 after a
// successful delivery, once the report is written.  Changes the process's
// environment, signal dispositions and umask: call it only in a process
// that ends when it returns.
int deliver_main(int argc, char** argv);

// An SCCS what-string that every program holding deliver_main carries,
// NUL-terminated.  qmail-lspawn looks for it in bin/qmail-local: found,
// that program is this code and the delivery runs in-process; not found
// (a site's own qmail-local or a wrapper script), it is exec'd as in 1.03.
extern const char deliver_what[];

#endif
