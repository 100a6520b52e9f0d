# testsuite/delivery.mk: qmail-local, the maildir tools, the .qmail
# helpers and the modules under them (maildir, mbox, dotqmail, dtline).
DEJATOOL += delivery
EXTRA_DIST += lib/delivery.exp delivery.0/unit.exp delivery.0/qmail-local.exp \
  delivery.0/helpers.exp delivery.0/maildir-tools.exp unit/dotqmail_test.cc \
  unit/maildir_test.cc
check_PROGRAMS += unit/maildir_test
unit_maildir_test_SOURCES = unit/maildir_test.cc
unit_maildir_test_LDADD = $(LIBMAIL)
check_PROGRAMS += unit/dotqmail_test
unit_dotqmail_test_SOURCES = unit/dotqmail_test.cc
unit_dotqmail_test_LDADD = $(LIBMAIL)
