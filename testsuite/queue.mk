# testsuite/queue.mk: (area fragment, included by testsuite/Makefile.am)
