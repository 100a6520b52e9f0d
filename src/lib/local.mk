# src/lib: the generic core library (no mail knowledge).
noinst_LTLIBRARIES += src/lib/libqm.la
src_lib_libqm_la_SOURCES = \
  src/lib/bytes.cc src/lib/bytes.h \
  src/lib/cdb.cc src/lib/cdb.h \
  src/lib/cdbmake.cc src/lib/cdbmake.h \
  src/lib/control.cc src/lib/control.h \
  src/lib/date.cc src/lib/date.h \
  src/lib/env.cc src/lib/env.h \
  src/lib/errstr.cc src/lib/errstr.h \
  src/lib/fd.cc src/lib/fd.h \
  src/lib/fmt.cc src/lib/fmt.h \
  src/lib/io.cc src/lib/io.h \
  src/lib/msg.cc src/lib/msg.h \
  src/lib/netstring.cc src/lib/netstring.h \
  src/lib/opt.cc src/lib/opt.h \
  src/lib/poll.cc src/lib/poll.h \
  src/lib/prot.cc src/lib/prot.h \
  src/lib/scan.cc src/lib/scan.h \
  src/lib/spawn.cc src/lib/spawn.h \
  src/lib/str.cc src/lib/str.h \
  src/lib/trigger.cc src/lib/trigger.h
src_lib_libqm_la_LIBADD = compat/libcompat.la
