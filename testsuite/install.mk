# testsuite/install.mk: the installation table, make setup's pieces.
DEJATOOL += install
EXTRA_DIST += lib/install.exp install.0/hier.exp install.0/scripts.exp
