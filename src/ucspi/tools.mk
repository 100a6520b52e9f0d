# src/ucspi/tools.mk: the ucspi-tcp client tools and filters (netdns).
UCSPI_TOOLS_LIBS = src/lib/libqm.la compat/libcompat.la
ucspi_PROGRAMS += src/ucspi/tcpclient src/ucspi/rblsmtpd src/ucspi/addcr \
  src/ucspi/delcr src/ucspi/fixcrio src/ucspi/recordio src/ucspi/argv0 \
  src/ucspi/mconnect-io
src_ucspi_tcpclient_SOURCES = src/ucspi/tcpclient.cc \
  src/ucspi/remoteinfo.cc src/ucspi/remoteinfo.h
src_ucspi_tcpclient_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_rblsmtpd_SOURCES = src/ucspi/rblsmtpd.cc
src_ucspi_rblsmtpd_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_addcr_SOURCES = src/ucspi/addcr.cc
src_ucspi_addcr_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_delcr_SOURCES = src/ucspi/delcr.cc
src_ucspi_delcr_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_fixcrio_SOURCES = src/ucspi/fixcrio.cc src/ucspi/relay.cc \
  src/ucspi/relay.h
src_ucspi_fixcrio_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_recordio_SOURCES = src/ucspi/recordio.cc src/ucspi/relay.cc \
  src/ucspi/relay.h
src_ucspi_recordio_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_argv0_SOURCES = src/ucspi/argv0.cc
src_ucspi_argv0_LDADD = $(UCSPI_TOOLS_LIBS)
src_ucspi_mconnect_io_SOURCES = src/ucspi/mconnect-io.cc
src_ucspi_mconnect_io_LDADD = $(UCSPI_TOOLS_LIBS)

# The client scripts, with the ucspi bindir written in at build time.
UCSPI_CLIENT_SCRIPT_LIST = src/ucspi/tcpcat src/ucspi/mconnect src/ucspi/who@ \
  src/ucspi/date@ src/ucspi/finger@ src/ucspi/http@
ucspi_SCRIPTS += $(UCSPI_CLIENT_SCRIPT_LIST)
CLEANFILES += $(UCSPI_CLIENT_SCRIPT_LIST)
EXTRA_DIST += src/ucspi/tcpcat.sh src/ucspi/mconnect.sh src/ucspi/who@.sh \
  src/ucspi/date@.sh src/ucspi/finger@.sh src/ucspi/http@.sh
$(UCSPI_CLIENT_SCRIPT_LIST): Makefile
	$(AM_V_GEN)$(MKDIR_P) src/ucspi && \
	sed -e 's|@ucspibindir[@]|$(ucspibindir)|g' $(srcdir)/$@.sh > $@.tmp && \
	chmod 755 $@.tmp && mv $@.tmp $@
src/ucspi/tcpcat: $(srcdir)/src/ucspi/tcpcat.sh
src/ucspi/mconnect: $(srcdir)/src/ucspi/mconnect.sh
src/ucspi/who@: $(srcdir)/src/ucspi/who@.sh
src/ucspi/date@: $(srcdir)/src/ucspi/date@.sh
src/ucspi/finger@: $(srcdir)/src/ucspi/finger@.sh
src/ucspi/http@: $(srcdir)/src/ucspi/http@.sh

UCSPI_CLIENT_MAN_LIST = man/tcpclient.1 man/rblsmtpd.1 man/addcr.1 \
  man/delcr.1 man/fixcrio.1 man/recordio.1 man/argv0.1 man/mconnect.1 \
  man/mconnect-io.1 man/tcpcat.1 man/who@.1 man/date@.1 man/finger@.1 man/http@.1
man1_MANS += $(UCSPI_CLIENT_MAN_LIST)
EXTRA_DIST += $(UCSPI_CLIENT_MAN_LIST)
