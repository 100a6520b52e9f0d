# testsuite/install.mk: (area fragment, included by testsuite/Makefile.am)
