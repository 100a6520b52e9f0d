# src/qmail/queue.mk: the queue, qmail-send and its helpers, admin tools
# (issue 4, engineer "queue").
src_mail_libmail_la_SOURCES += src/mail/spawnd.cc src/mail/spawnd.h \
  src/mail/users.cc src/mail/users.h

QM_QUEUE_LIBS = src/mail/libmail.la src/lib/libqm.la compat/libcompat.la

qmailbin_PROGRAMS += src/qmail/qmail-queue src/qmail/qmail-lspawn \
  src/qmail/qmail-clean
src_qmail_qmail_queue_SOURCES = src/qmail/qmail-queue.cc
src_qmail_qmail_queue_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_lspawn_SOURCES = src/qmail/qmail-lspawn.cc
src_qmail_qmail_lspawn_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_clean_SOURCES = src/qmail/qmail-clean.cc
src_qmail_qmail_clean_LDADD = $(QM_QUEUE_LIBS)
src_mail_libmail_la_SOURCES += src/mail/sendfn.cc src/mail/sendfn.h
qmailbin_PROGRAMS += src/qmail/qmail-send
src_qmail_qmail_send_SOURCES = src/qmail/qmail-send.cc src/qmail/qmail-send.h \
  src/qmail/send-todo.cc src/qmail/send-deliver.cc
src_qmail_qmail_send_LDADD = $(QM_QUEUE_LIBS)
qmailbin_PROGRAMS += src/qmail/qmail-start src/qmail/splogger
src_qmail_qmail_start_SOURCES = src/qmail/qmail-start.cc
src_qmail_qmail_start_LDADD = $(QM_QUEUE_LIBS)
src_qmail_splogger_SOURCES = src/qmail/splogger.cc
src_qmail_splogger_LDADD = $(QM_QUEUE_LIBS)
qmailbin_PROGRAMS += src/qmail/qmail-newu
src_qmail_qmail_newu_SOURCES = src/qmail/qmail-newu.cc
src_qmail_qmail_newu_LDADD = $(QM_QUEUE_LIBS)

# Boot scripts (generated with the qmail home and the TZ file) and
# config-fast.
QM_BOOT_FILES = boot/home boot/home+df boot/proc boot/proc+df \
  boot/binm1 boot/binm1+df boot/binm2 boot/binm2+df boot/binm3 boot/binm3+df
qmailboot_SCRIPTS += $(QM_BOOT_FILES)
CLEANFILES += $(QM_BOOT_FILES) src/qmail/config-fast
EXTRA_DIST += boot/mkboot.sh conf/config-fast.sh
$(QM_BOOT_FILES): $(top_srcdir)/boot/mkboot.sh Makefile
	@$(MKDIR_P) boot
	@$(SHELL) $(top_srcdir)/boot/mkboot.sh `basename $@` '$(qmailhome)' '$(qm_tz_file)' > $@.tmp
	@chmod 755 $@.tmp && mv $@.tmp $@
qmailbin_SCRIPTS += src/qmail/config-fast
src/qmail/config-fast: $(top_srcdir)/conf/config-fast.sh Makefile
	@$(MKDIR_P) src/qmail
	@sed 's|[@]qmailhome[@]|$(qmailhome)|g' $(top_srcdir)/conf/config-fast.sh > $@.tmp
	@chmod 755 $@.tmp && mv $@.tmp $@
qmailbin_PROGRAMS += src/qmail/qmail-getpw src/qmail/qmail-qstat \
  src/qmail/qmail-qread
src_qmail_qmail_getpw_SOURCES = src/qmail/qmail-getpw.cc
src_qmail_qmail_getpw_LDADD = $(QM_QUEUE_LIBS)
# getpwnam needs the C library's name service: never linked statically.
src_qmail_qmail_getpw_LDFLAGS =
qmailbin_PROGRAMS += src/qmail/qmail-pw2u
src_qmail_qmail_pw2u_SOURCES = src/qmail/qmail-pw2u.cc
src_qmail_qmail_pw2u_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_qstat_SOURCES = src/qmail/qmail-qstat.cc
src_qmail_qmail_qstat_LDADD = $(QM_QUEUE_LIBS)
src_qmail_qmail_qread_SOURCES = src/qmail/qmail-qread.cc
src_qmail_qmail_qread_LDADD = $(QM_QUEUE_LIBS)
qmailbin_PROGRAMS += src/qmail/qmail-showctl
src_qmail_qmail_showctl_SOURCES = src/qmail/qmail-showctl.cc
src_qmail_qmail_showctl_LDADD = $(QM_QUEUE_LIBS)
QUEUE_MAN8 = man/qmail-queue.8 man/qmail-send.8 man/qmail-lspawn.8 \
  man/qmail-clean.8 man/qmail-start.8 man/qmail-newu.8 man/qmail-getpw.8 \
  man/qmail-pw2u.8 \
  man/qmail-showctl.8 man/qmail-qstat.8 man/qmail-qread.8 man/splogger.8 \
  man/config-fast.8
qmailman8_DATA += $(QUEUE_MAN8)
EXTRA_DIST += $(QUEUE_MAN8)
