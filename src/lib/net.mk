# src/lib/net.mk: IP text forms, sockets, ipme (netdns).
src_lib_libqm_la_SOURCES += src/lib/net.cc src/lib/net.h
# Every program that links libqm may open sockets (Solaris: -lsocket -lnsl).
src_lib_libqm_la_LIBADD += $(SOCKET_LIBS)
src_lib_libqm_la_SOURCES += src/lib/netip.cc src/lib/netport.cc
