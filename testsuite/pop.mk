# testsuite/pop.mk: POP3, checkpassword, QMQP/QMTP and helper programs.
DEJATOOL += pop
EXTRA_DIST += lib/pop.exp pop.0/md5.exp pop.0/popup.exp pop.0/checkpw.exp \
  pop.0/pop3d.exp pop.0/pbs.exp pop.0/qmqp.exp pop.0/helpers.exp \
  pop.0/realpeer.exp pop.0/qreceipt.exp pop-serve.py pop-client.py
check_PROGRAMS += unit/md5_test
unit_md5_test_SOURCES = unit/md5_test.cc
unit_md5_test_LDADD = $(LIBQM)
