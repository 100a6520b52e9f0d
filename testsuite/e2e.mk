# testsuite/e2e.mk: end-to-end mail flow through the whole system.
DEJATOOL += e2e
EXTRA_DIST += lib/e2e.exp e2e.0/mailflow.exp e2e/sink.py e2e/smtpsend.py
