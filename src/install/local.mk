# src/install: the installation table and the tool that applies it.
noinst_PROGRAMS += src/install/qmail-hier
src_install_qmail_hier_SOURCES = src/install/qmail-hier.cc \
  src/install/hier.cc src/install/hier.h
src_install_qmail_hier_LDADD = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la
EXTRA_DIST += src/install/mkauto.sh src/install/setup.sh

# make setup = install + the qmail home + a check of the installed tree.
setup: install
	@echo '$(DESTDIR)$(qmailhome)' > setup.stamp
	@echo "make setup: done; make check now also verifies $(DESTDIR)$(qmailhome)"

# qmailbindir has no "exec" in its name, so automake installs the programs
# in install-data: apply owners and modes after that.
install-data-hook:
	@$(SHELL) $(top_srcdir)/src/install/setup.sh \
	  '$(DESTDIR)' '$(qmailhome)' '$(qmailids)' src/mail/auto_conf.cc \
	  src/install/qmail-hier make

uninstall-hook:
	@$(SHELL) $(top_srcdir)/src/install/setup.sh \
	  '$(DESTDIR)' '$(qmailhome)' '$(qmailids)' src/mail/auto_conf.cc \
	  src/install/qmail-hier remove

# After make setup, make check also verifies the installed tree (like
# qmail's instcheck); setup leaves a stamp naming the home it installed.
check-local:
	@if test -f setup.stamp; then \
	  h=`cat setup.stamp`; echo "checking the installed tree in $$h"; \
	  $(SHELL) $(top_srcdir)/src/install/setup.sh '' "$$h" '$(qmailids)' \
	    src/mail/auto_conf.cc src/install/qmail-hier check || exit 1; \
	fi
CLEANFILES += setup.stamp

# distcheck installs under its own prefix: keep the qmail home there too.
AM_DISTCHECK_CONFIGURE_FLAGS = --with-qmail-ids=self \
  --with-qmail-home=$$dc_install_base/qmail \
  --with-ucspi-bindir=$$dc_install_base/bin

installcheck-local:
	@$(SHELL) $(top_srcdir)/src/install/setup.sh \
	  '$(DESTDIR)' '$(qmailhome)' '$(qmailids)' src/mail/auto_conf.cc \
	  src/install/qmail-hier check

.PHONY: setup
