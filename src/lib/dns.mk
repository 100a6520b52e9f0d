# src/lib/dns.mk: the DNS stub resolver (netdns).
src_lib_libqm_la_SOURCES += src/lib/dns.cc src/lib/dns.h \
  src/lib/dnspacket.cc src/lib/dnspacket.h src/lib/dnsqualify.cc
