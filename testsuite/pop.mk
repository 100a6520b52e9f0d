# testsuite/pop.mk: POP3, checkpassword, QMQP/QMTP and helper programs.
DEJATOOL += pop
EXTRA_DIST += lib/pop.exp pop.0/md5.exp pop.0/popup.exp pop.0/checkpw.exp \
  pop.0/pop3d.exp
check_PROGRAMS += unit/md5_test
unit_md5_test_SOURCES = unit/md5_test.cc
unit_md5_test_LDADD = $(LIBQM)
