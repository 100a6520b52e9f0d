# testsuite/queue.mk: tests of the queue programs (issue 4, "queue").
DEJATOOL += queue
EXTRA_DIST += lib/queue.exp queue-local.sh queue-rspawn.py \
  queue.0/qmail-queue.exp queue.0/clean.exp queue.0/lspawn.exp \
  queue.0/send.exp queue.0/newu.exp queue.0/crash.exp queue.0/unit.exp \
  queue.0/admin.exp queue.0/real.exp queue.0/pw2u.exp
check_PROGRAMS += unit/sendfn_test
unit_sendfn_test_SOURCES = unit/sendfn_test.cc
unit_sendfn_test_LDADD = $(LIBMAIL)
