# src/qmail/smtp.mk: (area fragment, included by Makefile.am)
# SMTP service and injection: qmail-smtpd, qmail-newmrh, qmail-inject,
# sendmail, mailsubj, tcp-env, the init script; shared mail modules
# rcpthosts, received, hfield, addr.
src_mail_libmail_la_SOURCES += \
  src/mail/rcpthosts.cc src/mail/rcpthosts.h \
  src/mail/received.cc src/mail/received.h

qmailbin_PROGRAMS += src/qmail/qmail-smtpd
src_qmail_qmail_smtpd_SOURCES = src/qmail/qmail-smtpd.cc
src_qmail_qmail_smtpd_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-newmrh
src_qmail_qmail_newmrh_SOURCES = src/qmail/qmail-newmrh.cc
src_qmail_qmail_newmrh_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la
