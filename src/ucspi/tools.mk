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
