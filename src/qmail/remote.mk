# src/qmail/remote.mk: remote delivery (issue 5): qmail-remote and its
# helpers, the tcpto table tools, qmail-qmqpc, the dns helper commands.
src_mail_libmail_la_SOURCES += \
  src/mail/dnsdoe.cc src/mail/dnsdoe.h \
  src/mail/mxip.cc src/mail/mxip.h \
  src/mail/rreport.cc src/mail/rreport.h \
  src/mail/smtpclient.cc src/mail/smtpclient.h \
  src/mail/smtproute.cc src/mail/smtproute.h \
  src/mail/tcpto.cc src/mail/tcpto.h

REMOTE_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-tcpto src/qmail/qmail-tcpok \
  src/qmail/qmail-rspawn src/qmail/qmail-qmqpc src/qmail/qmail-remote
src_qmail_qmail_remote_SOURCES = src/qmail/qmail-remote.cc
src_qmail_qmail_remote_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_qmqpc_SOURCES = src/qmail/qmail-qmqpc.cc
src_qmail_qmail_qmqpc_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_rspawn_SOURCES = src/qmail/qmail-rspawn.cc
src_qmail_qmail_rspawn_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_tcpto_SOURCES = src/qmail/qmail-tcpto.cc
src_qmail_qmail_tcpto_LDADD = $(REMOTE_LIBS)
src_qmail_qmail_tcpok_SOURCES = src/qmail/qmail-tcpok.cc
src_qmail_qmail_tcpok_LDADD = $(REMOTE_LIBS)

# Helpers of the config script (qmail 1.03's build-time tools).
qmailbin_PROGRAMS += src/qmail/hostname src/qmail/ipmeprint \
  src/qmail/dnscname src/qmail/dnsfq src/qmail/dnsip src/qmail/dnsmxip \
  src/qmail/dnsptr
src_qmail_dnscname_SOURCES = src/qmail/dnscname.cc
src_qmail_dnscname_LDADD = $(REMOTE_LIBS)
src_qmail_dnsfq_SOURCES = src/qmail/dnsfq.cc
src_qmail_dnsfq_LDADD = $(REMOTE_LIBS)
src_qmail_dnsip_SOURCES = src/qmail/dnsip.cc
src_qmail_dnsip_LDADD = $(REMOTE_LIBS)
src_qmail_dnsmxip_SOURCES = src/qmail/dnsmxip.cc
src_qmail_dnsmxip_LDADD = $(REMOTE_LIBS)
src_qmail_dnsptr_SOURCES = src/qmail/dnsptr.cc
src_qmail_dnsptr_LDADD = $(REMOTE_LIBS)
src_qmail_hostname_SOURCES = src/qmail/hostname.cc
src_qmail_hostname_LDADD = $(REMOTE_LIBS)
src_qmail_ipmeprint_SOURCES = src/qmail/ipmeprint.cc
src_qmail_ipmeprint_LDADD = $(REMOTE_LIBS)

REMOTE_MAN8 = man/qmail-tcpto.8 man/qmail-tcpok.8 man/qmail-remote.8 \
  man/qmail-rspawn.8 man/qmail-qmqpc.8 man/hostname.8 man/ipmeprint.8 \
  man/dnscname.8 man/dnsfq.8 man/dnsip.8 man/dnsmxip.8 man/dnsptr.8
qmailman8_DATA += $(REMOTE_MAN8)
EXTRA_DIST += $(REMOTE_MAN8)

# config: the control files from DNS (the home is substituted at build
# time; QM_SANDBOX_HOME overrides it at run time).
qmailbin_SCRIPTS += src/qmail/config
CLEANFILES += src/qmail/config
EXTRA_DIST += src/qmail/config.sh man/config.8
qmailman8_DATA += man/config.8
src/qmail/config: $(srcdir)/src/qmail/config.sh Makefile
	@$(MKDIR_P) src/qmail
	sed 's|@QMAILHOME@|$(qmailhome)|g' $(srcdir)/src/qmail/config.sh > $@.tmp
	chmod 755 $@.tmp
	mv $@.tmp $@
