# src/qmail/pop.mk: (area fragment, included by Makefile.am)
