# src/ucspi/tools.mk: (area fragment, included by Makefile.am)
