# src/qmail/delivery.mk: (area fragment, included by Makefile.am)
# Local delivery (qmail-local), the maildir tools and the .qmail helpers,
# and the shared modules they are built on.
src_mail_libmail_la_SOURCES += \
  src/mail/maildir.cc src/mail/maildir.h
src_mail_libmail_la_SOURCES += \
  src/mail/deliver.cc src/mail/deliver.h \
  src/mail/dotqmail.cc src/mail/dotqmail.h \
  src/mail/dtline.cc src/mail/dtline.h \
  src/mail/mbox.cc src/mail/mbox.h

DELIVERY_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-local
src_qmail_qmail_local_SOURCES = src/qmail/qmail-local.cc
src_qmail_qmail_local_LDADD = $(DELIVERY_LIBS)

src_mail_libmail_la_SOURCES += \
  src/mail/requeue.cc src/mail/requeue.h \
  src/mail/runchild.cc src/mail/runchild.h

qmailbin_PROGRAMS += src/qmail/maildirmake src/qmail/except \
  src/qmail/bouncesaying src/qmail/forward src/qmail/condredirect \
  src/qmail/preline src/qmail/predate src/qmail/datemail
src_qmail_maildirmake_SOURCES = src/qmail/maildirmake.cc
src_qmail_maildirmake_LDADD = $(DELIVERY_LIBS)
src_qmail_except_SOURCES = src/qmail/except.cc
src_qmail_except_LDADD = $(DELIVERY_LIBS)
src_qmail_bouncesaying_SOURCES = src/qmail/bouncesaying.cc
src_qmail_bouncesaying_LDADD = $(DELIVERY_LIBS)
src_qmail_forward_SOURCES = src/qmail/forward.cc
src_qmail_forward_LDADD = $(DELIVERY_LIBS)
src_qmail_condredirect_SOURCES = src/qmail/condredirect.cc
src_qmail_condredirect_LDADD = $(DELIVERY_LIBS)
src_qmail_preline_SOURCES = src/qmail/preline.cc
src_qmail_preline_LDADD = $(DELIVERY_LIBS)
src_qmail_predate_SOURCES = src/qmail/predate.cc
src_qmail_predate_LDADD = $(DELIVERY_LIBS)
src_qmail_datemail_SOURCES = src/qmail/datemail.cc
src_qmail_datemail_LDADD = $(DELIVERY_LIBS)
qmailbin_PROGRAMS += src/qmail/maildir2mbox src/qmail/maildirwatch
src_qmail_maildir2mbox_SOURCES = src/qmail/maildir2mbox.cc
src_qmail_maildir2mbox_LDADD = $(DELIVERY_LIBS)
src_qmail_maildirwatch_SOURCES = src/qmail/maildirwatch.cc
src_qmail_maildirwatch_LDADD = $(DELIVERY_LIBS)

DELIVERY_MAN1 = man/maildirmake.1 man/maildir2mbox.1 man/maildirwatch.1 \
  man/preline.1 man/forward.1 man/condredirect.1 man/bouncesaying.1 \
  man/except.1 man/predate.1 man/datemail.1
DELIVERY_MAN5 = man/dot-qmail.5 man/maildir.5 man/mbox.5
DELIVERY_MAN8 = man/qmail-local.8
qmailman1_DATA += $(DELIVERY_MAN1)
qmailman5_DATA += $(DELIVERY_MAN5)
qmailman8_DATA += $(DELIVERY_MAN8)
EXTRA_DIST += $(DELIVERY_MAN1) $(DELIVERY_MAN5) $(DELIVERY_MAN8)
