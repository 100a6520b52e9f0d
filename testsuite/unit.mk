# Unit tests of the core library and compat layer (C++, dejagnu.h API).
DEJATOOL += unit
EXTRA_DIST += lib/unit.exp unit.0/unit.exp unit/qtest.h
check_PROGRAMS += unit/bytes_test unit/scan_test unit/str_test \
  unit/errstr_test unit/env_test unit/io_test unit/control_test \
  unit/cdb_test unit/netstring_test unit/date_test unit/opt_test \
  unit/compat_test unit/misc_test unit/cdbtool unit/mail_test
unit_bytes_test_SOURCES = unit/bytes_test.cc
unit_bytes_test_LDADD = $(LIBQM)
unit_scan_test_SOURCES = unit/scan_test.cc
unit_scan_test_LDADD = $(LIBQM)
unit_str_test_SOURCES = unit/str_test.cc
unit_str_test_LDADD = $(LIBQM)
unit_errstr_test_SOURCES = unit/errstr_test.cc
unit_errstr_test_LDADD = $(LIBQM)
unit_env_test_SOURCES = unit/env_test.cc
unit_env_test_LDADD = $(LIBQM)
unit_io_test_SOURCES = unit/io_test.cc
unit_io_test_LDADD = $(LIBQM)
unit_control_test_SOURCES = unit/control_test.cc
unit_control_test_LDADD = $(LIBQM)
unit_cdb_test_SOURCES = unit/cdb_test.cc
unit_cdb_test_LDADD = $(LIBQM)
unit_netstring_test_SOURCES = unit/netstring_test.cc
unit_netstring_test_LDADD = $(LIBQM)
unit_date_test_SOURCES = unit/date_test.cc
unit_date_test_LDADD = $(LIBQM)
unit_opt_test_SOURCES = unit/opt_test.cc
unit_opt_test_LDADD = $(LIBQM)
unit_compat_test_SOURCES = unit/compat_test.cc
unit_compat_test_LDADD = $(LIBQM)
unit_misc_test_SOURCES = unit/misc_test.cc
unit_misc_test_LDADD = $(LIBMAIL)
unit_cdbtool_SOURCES = unit/cdbtool.cc
unit_cdbtool_LDADD = $(LIBQM)
EXTRA_DIST += data/cdb/v0.cdb data/cdb/v1.cdb data/cdb/v2.cdb data/cdb/v3.cdb \
  data/cdb/v4.cdb data/cdb/v0.in data/cdb/v1.in data/cdb/v2.in data/cdb/v3.in \
  data/cdb/v4.in data/cdb/random1.cdb data/cdb/random2.cdb data/cdb/random3.cdb unit.0/cdb.exp
unit_mail_test_SOURCES = unit/mail_test.cc
unit_mail_test_LDADD = $(LIBMAIL)
