# src/mail: shared mail knowledge (queue names, addresses, constants).
noinst_LTLIBRARIES += src/mail/libmail.la
src_mail_libmail_la_SOURCES = \
  src/mail/auto.cc src/mail/auto.h \
  src/mail/ctl.cc src/mail/ctl.h \
  src/mail/domainmap.cc src/mail/domainmap.h \
  src/mail/qqclient.cc src/mail/qqclient.h \
  src/mail/quote.cc src/mail/quote.h
nodist_src_mail_libmail_la_SOURCES = src/mail/auto_conf.cc
src_mail_libmail_la_LIBADD = src/lib/libqm.la
BUILT_SOURCES += src/mail/auto_conf.cc
CLEANFILES += src/mail/auto_conf.cc src/mail/auto_conf.tmp

# Regenerated on every make (cheap), rewritten only when it changed, so
# that creating the qmail accounts and rerunning make setup picks them up.
src/mail/auto_conf.cc: FORCE
	@$(MKDIR_P) src/mail
	@$(SHELL) $(top_srcdir)/src/install/mkauto.sh '$(qmailhome)' '$(qmailids)' > src/mail/auto_conf.tmp
	@if cmp -s src/mail/auto_conf.tmp $@; then rm -f src/mail/auto_conf.tmp; \
	 else mv src/mail/auto_conf.tmp $@; fi
FORCE:
.PHONY: FORCE
