#!/usr/bin/env python3
# smtpsend.py PORT FROM TO SUBJECT: send one message with smtplib; prints
# "ok" or the refusal ("CODE text" of the first refused recipient/command).
import smtplib, sys
port, frm, to, subj = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
msg = "From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\nbody of %s\r\n" % (frm, to, subj, subj)
try:
    s = smtplib.SMTP("127.0.0.1", port, timeout=20)
    s.sendmail(frm, [to], msg)
    s.quit()
    print("ok")
except smtplib.SMTPRecipientsRefused as e:
    for r, (code, text) in e.recipients.items():
        print("%d %s" % (code, text.decode()))
        break
except smtplib.SMTPResponseException as e:
    print("%d %s" % (e.smtp_code, e.smtp_error.decode()))
