# src/qmail/remote.mk: remote delivery (issue 5): qmail-remote and its
# helpers, the tcpto table tools, qmail-qmqpc, the dns helper commands.
src_mail_libmail_la_SOURCES += \
  src/mail/mxip.cc src/mail/mxip.h \
  src/mail/rreport.cc src/mail/rreport.h \
  src/mail/smtpclient.cc src/mail/smtpclient.h \
  src/mail/smtproute.cc src/mail/smtproute.h \
  src/mail/tcpto.cc src/mail/tcpto.h

REMOTE_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-tcpto src/qmail/qmail-tcpok \
  src/qmail/qmail-rspawn src/qmail/qmail-qmqpc
src_qmail_qmail_qmqpc_SOURCES = src/qmail/qmail-qmqpc.cc
src_qmail_qmail_qmqpc_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_rspawn_SOURCES = src/qmail/qmail-rspawn.cc
src_qmail_qmail_rspawn_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_tcpto_SOURCES = src/qmail/qmail-tcpto.cc
src_qmail_qmail_tcpto_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_tcpok_SOURCES = src/qmail/qmail-tcpok.cc
src_qmail_qmail_tcpok_LDADD = $(REMOTE_LIBS)

# Helpers of the config script (qmail 1.03's build-time tools).
qmailbin_PROGRAMS += src/qmail/hostname src/qmail/ipmeprint
src_qmail_hostname_SOURCES = src/qmail/hostname.cc
src_qmail_hostname_LDADD = $(REMOTE_LIBS)
src_qmail_ipmeprint_SOURCES = src/qmail/ipmeprint.cc
src_qmail_ipmeprint_LDADD = $(REMOTE_LIBS)

REMOTE_MAN8 = man/qmail-tcpto.8 man/qmail-tcpok.8 man/qmail-remote.8 \
  man/qmail-rspawn.8 man/qmail-qmqpc.8 man/hostname.8 man/ipmeprint.8
qmailman8_DATA += $(REMOTE_MAN8)
EXTRA_DIST += $(REMOTE_MAN8)
