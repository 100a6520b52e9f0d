# src/qmail/queue.mk: the queue, qmail-send and its helpers, admin tools
# (issue 4, engineer "queue").
src_mail_libmail_la_SOURCES += src/mail/spawnd.cc src/mail/spawnd.h \
  src/mail/users.cc src/mail/users.h

QM_QUEUE_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-queue src/qmail/qmail-lspawn \
  src/qmail/qmail-clean
src_qmail_qmail_queue_SOURCES = src/qmail/qmail-queue.cc
src_qmail_qmail_queue_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_lspawn_SOURCES = src/qmail/qmail-lspawn.cc
src_qmail_qmail_lspawn_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_clean_SOURCES = src/qmail/qmail-clean.cc
src_qmail_qmail_clean_LDADD = $(QM_QUEUE_LIBS)
