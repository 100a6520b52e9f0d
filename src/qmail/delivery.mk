# src/qmail/delivery.mk: (area fragment, included by Makefile.am)
