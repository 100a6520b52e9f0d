# testsuite/smtp.mk: qmail-smtpd, qmail-inject, sendmail and friends.
DEJATOOL += smtp
EXTRA_DIST += lib/smtp.exp smtp.0/mods.exp smtp.0/smtpd-cmds.exp smtp.0/smtpd-relay.exp smtp.0/smtpd-data.exp smtp.0/inject.exp smtp.0/sendmail.exp smtp.0/init.exp smtp/argvqq.sh smtp/smtpdrive.py smtp/fakeqq.py
check_PROGRAMS += smtp/mods_test
smtp_mods_test_SOURCES = smtp/mods_test.cc
smtp_mods_test_LDADD = $(LIBMAIL)
