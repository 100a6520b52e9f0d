# testsuite/remote.mk: qmail-remote, qmail-rspawn, tcpto tools, qmqpc,
# dns helpers (issue 5).
DEJATOOL += remote
EXTRA_DIST += lib/remote.exp remote.0/unit.exp remote.0/tcpto.exp remote.0/rspawn.exp remote.0/qmqpc.exp remote.0/helpers.exp remote.0/remote.exp remote/smtpsink.py remote/blackhole.py remote.0/mx.exp remote/zone remote.0/config.exp remote/qmqpserver.py
check_PROGRAMS += remote/remote_test
remote_remote_test_SOURCES = remote/remote_test.cc
remote_remote_test_LDADD = $(LIBMAIL)
