# src/install: the installation table and the tool that applies it.
noinst_PROGRAMS += src/install/qmail-hier
src_install_qmail_hier_SOURCES = src/install/qmail-hier.cc \
  src/install/hier.cc src/install/hier.h
src_install_qmail_hier_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la
EXTRA_DIST += src/install/mkauto.sh src/install/setup.sh

# make setup = install + the qmail home + a check of the installed tree.
setup: install
	@echo "make setup: done; run make check to verify the installation"

install-exec-hook:
	@$(SHELL) $(top_srcdir)/src/install/setup.sh \
	  '$(DESTDIR)' '$(qmailhome)' '$(qmailids)' src/mail/auto_conf.cc \
	  src/install/qmail-hier make

installcheck-local:
	@$(SHELL) $(top_srcdir)/src/install/setup.sh \
	  '$(DESTDIR)' '$(qmailhome)' '$(qmailids)' src/mail/auto_conf.cc \
	  src/install/qmail-hier check

.PHONY: setup
