# testsuite/ucspi-server.mk: (area fragment, included by testsuite/Makefile.am)
DEJATOOL += tcprules
EXTRA_DIST += lib/tcprules.exp tcprules.0/compile.exp tcprules.0/check.exp \
  tcprules.0/interop.exp
