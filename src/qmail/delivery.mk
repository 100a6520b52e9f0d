# src/qmail/delivery.mk: (area fragment, included by Makefile.am)
# Local delivery (qmail-local), the maildir tools and the .qmail helpers,
# and the shared modules they are built on.
src_mail_libmail_la_SOURCES += \
  src/mail/maildir.cc src/mail/maildir.h
