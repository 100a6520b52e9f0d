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

src_mail_libmail_la_SOURCES += \
  src/mail/addr.cc src/mail/addr.h \
  src/mail/hfield.cc src/mail/hfield.h

qmailbin_PROGRAMS += src/qmail/qmail-inject
src_qmail_qmail_inject_SOURCES = src/qmail/qmail-inject.cc
src_qmail_qmail_inject_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/sendmail
src_qmail_sendmail_SOURCES = src/qmail/sendmail.cc
src_qmail_sendmail_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

# Scripts get the qmail home substituted at make time.
qmailbin_SCRIPTS += src/qmail/mailsubj
EXTRA_DIST += src/qmail/mailsubj.sh
CLEANFILES += src/qmail/mailsubj
src/qmail/mailsubj: $(top_srcdir)/src/qmail/mailsubj.sh Makefile
	@$(MKDIR_P) src/qmail
	sed -e 's|%QMAILHOME%|$(qmailhome)|g' $(top_srcdir)/src/qmail/mailsubj.sh > $@.tmp
	chmod 755 $@.tmp
	mv $@.tmp $@

SMTP_MAN1 = man/mailsubj.1
SMTP_MAN8 = man/qmail-smtpd.8 man/qmail-newmrh.8 man/qmail-inject.8 man/sendmail.8
qmailman1_DATA += $(SMTP_MAN1)
qmailman8_DATA += $(SMTP_MAN8)
EXTRA_DIST += $(SMTP_MAN1) $(SMTP_MAN8)

# The System V init script, with the install paths filled in.
qmailboot_SCRIPTS += conf/qmail.init
EXTRA_DIST += conf/qmail.init.in
CLEANFILES += conf/qmail.init
conf/qmail.init: $(top_srcdir)/conf/qmail.init.in Makefile
	@$(MKDIR_P) conf
	sed -e 's|%QMAILHOME%|$(qmailhome)|g' -e 's|%UCSPIBIN%|$(ucspibindir)|g' \
	  $(top_srcdir)/conf/qmail.init.in > $@.tmp
	chmod 755 $@.tmp
	mv $@.tmp $@
