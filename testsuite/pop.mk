# testsuite/pop.mk: (area fragment, included by testsuite/Makefile.am)
