# src/qmail/queue.mk: (area fragment, included by Makefile.am)
