# src/qmail/remote.mk: (area fragment, included by Makefile.am)
