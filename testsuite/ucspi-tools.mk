# testsuite/ucspi-tools.mk: net/dns library tests and the ucspi client
# tools (netdns).
DEJATOOL += net
EXTRA_DIST += lib/net.exp net.0/net.exp
check_PROGRAMS += unit/net_test
unit_net_test_SOURCES = unit/net_test.cc
unit_net_test_LDADD = $(LIBQM)
