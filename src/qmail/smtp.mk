# src/qmail/smtp.mk: (area fragment, included by Makefile.am)
