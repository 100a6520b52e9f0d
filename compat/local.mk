# compat/: portability layer, a libtool convenience library.
noinst_LTLIBRARIES += compat/libcompat.la
compat_libcompat_la_SOURCES = \
  compat/cwd.cc compat/cwd.h \
  compat/errno_compat.h \
  compat/fifo.cc compat/fifo.h \
  compat/lock.cc compat/lock.h \
  compat/mtime.cc compat/mtime.h \
  compat/protos.h \
  compat/sig.cc compat/sig.h \
  compat/sync.cc compat/sync.h \
  compat/logsys.cc compat/logsys.h \
  compat/tzfix.cc compat/tzfix.h \
  compat/uint32.h \
  compat/wait.cc compat/wait.h
# netdns: sockaddr and interface-list portability (src/lib/net).
compat_libcompat_la_SOURCES += compat/netaddr.cc compat/netaddr.h
