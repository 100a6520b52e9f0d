# src/lib/dns.mk: (area fragment, included by Makefile.am)
