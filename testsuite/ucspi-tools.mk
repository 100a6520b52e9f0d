# testsuite/ucspi-tools.mk: (area fragment, included by testsuite/Makefile.am)
