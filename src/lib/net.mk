# src/lib/net.mk: (area fragment, included by Makefile.am)
