# testsuite/smtp.mk: (area fragment, included by testsuite/Makefile.am)
