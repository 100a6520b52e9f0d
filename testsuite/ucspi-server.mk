# testsuite/ucspi-server.mk: (area fragment, included by testsuite/Makefile.am)
DEJATOOL += tcprules
EXTRA_DIST += lib/tcprules.exp tcprules.0/compile.exp tcprules.0/check.exp \
  tcprules.0/interop.exp
DEJATOOL += tcpserver
EXTRA_DIST += lib/tcpserver.exp tcpserver/showenv.sh tcpserver.0/basic.exp \
  tcpserver.0/rules.exp tcpserver.0/limit.exp tcpserver/flood.py \
  tcpserver.0/ipv6.exp tcpserver.0/ident.exp tcpserver.0/ids.exp \
  tcpserver/identd.py tcpserver.0/dns.exp tcpserver/zone
