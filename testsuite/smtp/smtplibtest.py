#!/usr/bin/env python3
# smtplibtest.py PORT: Python's smtplib as a real client against
# qmail-smtpd on 127.0.0.1:PORT; prints one line per check.
import smtplib, sys

port = int(sys.argv[1])
s = smtplib.SMTP("127.0.0.1", port, timeout=30)
code, msg = s.ehlo("client.example")
print("ehlo", code, msg.decode().replace("\n", "|"))
print("features", " ".join(sorted(s.esmtp_features)))
msg = ("From: a@b.example\r\nTo: joe@example.com\r\nSubject: smtplib\r\n\r\n"
       "line one\r\n.leading dot\r\n\xe4 8bit\r\n")
refused = s.sendmail("a@b.example", ["joe@example.com", "victim@evil.org"],
                     msg.encode("latin-1"))
print("refused", sorted((k, v[0]) for k, v in refused.items()))
try:
    s.sendmail("a@b.example", ["victim@evil.org"], b"x\r\n")
    print("relay accepted")
except smtplib.SMTPRecipientsRefused as e:
    print("relay refused", e.recipients["victim@evil.org"][0])
try:
    s.sendmail("a@b.example", ["joe@example.com"], b"x" * 5000 + b"\r\n")
    print("big accepted")
except smtplib.SMTPSenderRefused as e:
    print("big refused", e.smtp_code, e.smtp_error.decode())
print("noop", s.noop()[0])
print("vrfy", s.verify("joe")[0])
print("quit", s.quit()[0])
