# src/ucspi/server.mk: tcpserver, tcprules, tcprulescheck and the rules
# lookup module they share (area "server", issue 3).
src_lib_libqm_la_SOURCES += src/lib/rules.cc src/lib/rules.h

ucspi_PROGRAMS += src/ucspi/tcprules src/ucspi/tcprulescheck
src_ucspi_tcprules_SOURCES = src/ucspi/tcprules.cc
src_ucspi_tcprules_LDADD = src/lib/libqm.la compat/libcompat.la
src_ucspi_tcprulescheck_SOURCES = src/ucspi/tcprulescheck.cc
src_ucspi_tcprulescheck_LDADD = src/lib/libqm.la compat/libcompat.la

man1_MANS += man/tcprules.1 man/tcprulescheck.1
EXTRA_DIST += man/tcprules.1 man/tcprulescheck.1

ucspi_PROGRAMS += src/ucspi/tcpserver
src_ucspi_tcpserver_SOURCES = src/ucspi/tcpserver.cc src/ucspi/remoteinfo.cc \
  src/ucspi/remoteinfo.h
src_ucspi_tcpserver_LDADD = src/lib/libqm.la compat/libcompat.la
man1_MANS += man/tcpserver.1
EXTRA_DIST += man/tcpserver.1
