# src/ucspi/server.mk: (area fragment, included by Makefile.am)
