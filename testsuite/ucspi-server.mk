# testsuite/ucspi-server.mk: (area fragment, included by testsuite/Makefile.am)
