# testsuite/remote.mk: (area fragment, included by testsuite/Makefile.am)
