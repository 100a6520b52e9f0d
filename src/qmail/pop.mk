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
# getpwnam, getspnam: the C library's name service, never static.
src_qmail_qmail_checkpw_LDFLAGS =

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

qmailbin_PROGRAMS += src/qmail/qsmhook src/qmail/qbiff
src_qmail_qsmhook_SOURCES = src/qmail/qsmhook.cc
src_qmail_qsmhook_LDADD = $(POP_LIBS)
src_qmail_qbiff_SOURCES = src/qmail/qbiff.cc
src_qmail_qbiff_LDADD = $(POP_LIBS)

# elq, pinq, qail: maildir2mbox, then elm, pine or Mail.
qmailbin_SCRIPTS += src/qmail/elq src/qmail/pinq src/qmail/qail
CLEANFILES += src/qmail/elq src/qmail/pinq src/qmail/qail
EXTRA_DIST += src/qmail/mbox-reader.sh.in
POP_READER_SED = sed -e 's|%QMAILHOME%|$(qmailhome)|g'
src/qmail/elq: $(srcdir)/src/qmail/mbox-reader.sh.in Makefile
	@$(MKDIR_P) src/qmail
	$(AM_V_GEN)$(POP_READER_SED) -e 's|%PROG%|elq|g' -e 's|%READER%|elm|g' \
	  $(srcdir)/src/qmail/mbox-reader.sh.in > $@.tmp && chmod 755 $@.tmp && mv $@.tmp $@
src/qmail/pinq: $(srcdir)/src/qmail/mbox-reader.sh.in Makefile
	@$(MKDIR_P) src/qmail
	$(AM_V_GEN)$(POP_READER_SED) -e 's|%PROG%|pinq|g' -e 's|%READER%|pine|g' \
	  $(srcdir)/src/qmail/mbox-reader.sh.in > $@.tmp && chmod 755 $@.tmp && mv $@.tmp $@
src/qmail/qail: $(srcdir)/src/qmail/mbox-reader.sh.in Makefile
	@$(MKDIR_P) src/qmail
	$(AM_V_GEN)$(POP_READER_SED) -e 's|%PROG%|qail|g' -e 's|%READER%|Mail|g' \
	  $(srcdir)/src/qmail/mbox-reader.sh.in > $@.tmp && chmod 755 $@.tmp && mv $@.tmp $@

qmailman1_DATA += man/qbiff.1 man/elq.1 man/pinq.1 man/qail.1
qmailman8_DATA += man/qsmhook.8
EXTRA_DIST += man/qbiff.1 man/elq.1 man/pinq.1 man/qail.1 man/qsmhook.8

qmailbin_PROGRAMS += src/qmail/qreceipt
src_qmail_qreceipt_SOURCES = src/qmail/qreceipt.cc
src_qmail_qreceipt_LDADD = $(POP_LIBS)
qmailman1_DATA += man/qreceipt.1
EXTRA_DIST += man/qreceipt.1
