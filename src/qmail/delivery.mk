# src/qmail/delivery.mk: (area fragment, included by Makefile.am)
# Local delivery (qmail-local), the maildir tools and the .qmail helpers,
# and the shared modules they are built on.
src_mail_libmail_la_SOURCES += \
  src/mail/maildir.cc src/mail/maildir.h
src_mail_libmail_la_SOURCES += \
  src/mail/dotqmail.cc src/mail/dotqmail.h \
  src/mail/dtline.cc src/mail/dtline.h \
  src/mail/mbox.cc src/mail/mbox.h

DELIVERY_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-local
src_qmail_qmail_local_SOURCES = src/qmail/qmail-local.cc
src_qmail_qmail_local_LDADD = $(DELIVERY_LIBS)
