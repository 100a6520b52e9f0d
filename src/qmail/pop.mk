# src/qmail/pop.mk: POP3, QMQP/QMTP and the remaining qmail programs
# (issue 6).  Included by Makefile.am after the libraries are defined.
src_lib_libqm_la_SOURCES += src/lib/md5.cc src/lib/md5.h
src_mail_libmail_la_SOURCES += src/mail/poppasswd.cc src/mail/poppasswd.h

POP_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-popup
src_qmail_qmail_popup_SOURCES = src/qmail/qmail-popup.cc
src_qmail_qmail_popup_LDADD = $(POP_LIBS)

qmailbin_PROGRAMS += src/qmail/qmail-pop3d
src_qmail_qmail_pop3d_SOURCES = src/qmail/qmail-pop3d.cc
src_qmail_qmail_pop3d_LDADD = $(POP_LIBS)

qmailbin_PROGRAMS += src/qmail/qmail-checkpw
src_qmail_qmail_checkpw_SOURCES = src/qmail/qmail-checkpw.cc
src_qmail_qmail_checkpw_LDADD = $(POP_LIBS) $(CRYPT_LIBS)

qmailbin_PROGRAMS += src/qmail/qmail-newpw
src_qmail_qmail_newpw_SOURCES = src/qmail/qmail-newpw.cc
src_qmail_qmail_newpw_LDADD = $(POP_LIBS)

qmailman8_DATA += man/qmail-popup.8 man/qmail-pop3d.8 man/qmail-checkpw.8 \
  man/qmail-newpw.8
EXTRA_DIST += man/qmail-popup.8 man/qmail-pop3d.8 man/qmail-checkpw.8 \
  man/qmail-newpw.8

src_mail_libmail_la_SOURCES += src/mail/pbs.cc src/mail/pbs.h
qmailbin_PROGRAMS += src/qmail/qmail-pbsadd src/qmail/qmail-pbscheck \
  src/qmail/qmail-pbsclean
src_qmail_qmail_pbsadd_SOURCES = src/qmail/qmail-pbsadd.cc
src_qmail_qmail_pbsadd_LDADD = $(POP_LIBS)
src_qmail_qmail_pbscheck_SOURCES = src/qmail/qmail-pbscheck.cc
src_qmail_qmail_pbscheck_LDADD = $(POP_LIBS)
src_qmail_qmail_pbsclean_SOURCES = src/qmail/qmail-pbsclean.cc
src_qmail_qmail_pbsclean_LDADD = $(POP_LIBS)

qmailbin_PROGRAMS += src/qmail/qmail-qmqpd src/qmail/qmail-qmtpd
src_qmail_qmail_qmqpd_SOURCES = src/qmail/qmail-qmqpd.cc
src_qmail_qmail_qmqpd_LDADD = $(POP_LIBS)
src_qmail_qmail_qmtpd_SOURCES = src/qmail/qmail-qmtpd.cc
src_qmail_qmail_qmtpd_LDADD = $(POP_LIBS)

qmailman8_DATA += man/qmail-pbsadd.8 man/qmail-pbscheck.8 \
  man/qmail-pbsclean.8 man/qmail-qmqpd.8 man/qmail-qmtpd.8
EXTRA_DIST += man/qmail-pbsadd.8 man/qmail-pbscheck.8 \
  man/qmail-pbsclean.8 man/qmail-qmqpd.8 man/qmail-qmtpd.8
