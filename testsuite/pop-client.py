#!/usr/bin/env python3
# pop-client.py: a real POP3 client (Python's poplib) for the tests.
# Usage: pop-client.py PORT USER SECRET MODE [commands...]
# MODE is "pass" or "apop".  Commands: stat list uidl retr:N top:N:K
# dele:N rset noop quit.  Prints one line per result; errors print
# "error <text>".
import poplib
import sys

def show(b):
    return b.decode("latin-1").encode("unicode_escape").decode("ascii")

def main():
    port, user, secret, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    p = poplib.POP3("127.0.0.1", int(port), timeout=30)
    print("welcome", show(p.getwelcome()))
    try:
        if mode == "apop":
            print("login", show(p.apop(user, secret)))
        else:
            p.user(user)
            print("login", show(p.pass_(secret)))
    except poplib.error_proto as e:
        print("error", show(e.args[0]))
        return
    for cmd in sys.argv[5:]:
        parts = cmd.split(":")
        try:
            if parts[0] == "stat":
                print("stat", *p.stat())
            elif parts[0] == "list":
                print("list", " ".join(show(x) for x in p.list()[1]))
            elif parts[0] == "uidl":
                print("uidl", " ".join(show(x) for x in p.uidl()[1]))
            elif parts[0] == "retr":
                print("retr", show(b"\n".join(p.retr(int(parts[1]))[1])))
            elif parts[0] == "top":
                print("top", show(b"\n".join(p.top(int(parts[1]), int(parts[2]))[1])))
            elif parts[0] == "dele":
                print("dele", show(p.dele(int(parts[1]))))
            elif parts[0] == "rset":
                print("rset", show(p.rset()))
            elif parts[0] == "noop":
                print("noop", show(p.noop()))
            elif parts[0] == "quit":
                print("quit", show(p.quit()))
                return
        except poplib.error_proto as e:
            print("error", show(e.args[0]))
    p.close()

main()
