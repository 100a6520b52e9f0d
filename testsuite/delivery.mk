# testsuite/delivery.mk: (area fragment, included by testsuite/Makefile.am)
