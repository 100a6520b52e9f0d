# testsuite/ucspi-tools.mk: net/dns library tests and the ucspi client
# tools (netdns).
DEJATOOL += net
EXTRA_DIST += lib/net.exp net.0/net.exp
check_PROGRAMS += unit/net_test
unit_net_test_SOURCES = unit/net_test.cc
unit_net_test_LDADD = $(LIBQM)
check_PROGRAMS += unit/dnspacket_test unit/dnstool
unit_dnspacket_test_SOURCES = unit/dnspacket_test.cc
unit_dnspacket_test_LDADD = $(LIBQM)
unit_dnstool_SOURCES = unit/dnstool.cc
unit_dnstool_LDADD = $(LIBQM)
EXTRA_DIST += lib/dnsstub.exp net.0/dns.exp data/dns/dnsstub.py data/dns/zone
DEJATOOL += ucspitools
EXTRA_DIST += lib/ucspitools.exp data/ucspi/tcpstub.py \
  ucspitools.0/filters.exp ucspitools.0/tcpclient.exp \
  ucspitools.0/rblsmtpd.exp ucspitools.0/scripts.exp \
  data/ucspi/zone data/ucspi/blackhole.py
