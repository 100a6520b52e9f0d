#!/usr/bin/env python3
# dnsstub.py: a tiny DNS server for the test suite (UDP and TCP on one
# 127.0.0.1 port).  Usage: dnsstub.py ZONEFILE PORTFILE [LOGFILE]
# It binds port 0, writes the port to PORTFILE, logs "qname qtype" per
# query to LOGFILE and answers from ZONEFILE, whose lines are
#   name TYPE value...      TYPE: A AAAA PTR MX TXT CNAME
#   name CNAMEONLY target   a CNAME answered without the target's records
#   name NXDOMAIN | SERVFAIL | REFUSED | GARBAGE | LOOP | WRONGID | TRUNC
#        | BADRDLEN | SILENT
# A name "*.suffix" matches every name ending in ".suffix".  Names are
# case-insensitive; answers keep the case written in the zone file.
import socket, struct, sys, select, ipaddress, os

TYPES = {'A': 1, 'CNAME': 5, 'PTR': 12, 'MX': 15, 'TXT': 16, 'AAAA': 28}
FLAGS = ('NXDOMAIN', 'SERVFAIL', 'REFUSED', 'GARBAGE', 'LOOP', 'WRONGID',
         'TRUNC', 'BADRDLEN', 'SILENT')

zone = {}
for line in open(sys.argv[1]):
    f = line.split(None, 2)
    if len(f) < 2 or f[0].startswith('#'):
        continue
    zone.setdefault(f[0].lower(), []).append((f[1], f[2].strip() if len(f) > 2 else ''))
log = open(sys.argv[3], 'a') if len(sys.argv) > 3 else None


def find(name):
    n = name.lower()
    if n in zone:
        return zone[n]
    parts = n.split('.')
    for i in range(1, len(parts)):
        k = '*.' + '.'.join(parts[i:])
        if k in zone:
            return zone[k]
    return None


def wire(name):
    out = b''
    for label in name.rstrip('.').split('.'):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b'\0'


def rdata(t, v):
    if t == 'A':
        return ipaddress.IPv4Address(v).packed
    if t == 'AAAA':
        return ipaddress.IPv6Address(v).packed
    if t in ('PTR', 'CNAME', 'CNAMEONLY'):
        return wire(v)
    if t == 'MX':
        pref, host = v.split()
        return struct.pack('>H', int(pref)) + wire(host)
    if t == 'TXT':
        out = b''
        for s in v.split('|'):
            b = s.encode('latin-1').decode('unicode_escape').encode('latin-1')
            while len(b) > 255:
                out += bytes([255]) + b[:255]
                b = b[255:]
            out += bytes([len(b)]) + b
        return out
    raise ValueError(t)


def rr(owner, t, v):
    code = TYPES['CNAME' if t == 'CNAMEONLY' else t]
    d = rdata(t, v)
    return owner + struct.pack('>HHIH', code, 1, 300, len(d)) + d


def answer(q, tcp):
    if len(q) < 12:
        return []
    qid, = struct.unpack('>H', q[:2])
    pos, labels = 12, []
    while pos < len(q) and q[pos]:
        labels.append(q[pos + 1:pos + 1 + q[pos]].decode('latin-1'))
        pos += 1 + q[pos]
    qname = '.'.join(labels)
    qtype, = struct.unpack('>H', q[pos + 1:pos + 3])
    question = q[12:pos + 5]
    if log:
        log.write('%s %d%s\n' % (qname, qtype, ' tcp' if tcp else ''))
        log.flush()
    recs = find(qname) or []
    flags = [t for t, v in recs if t in FLAGS]

    def head(rcode, an, tc=0):
        return struct.pack('>HHHHHH', qid, 0x8180 | rcode | (0x200 if tc else 0), 1, an, 0, 0) + question

    if 'SILENT' in flags:
        return []
    if 'GARBAGE' in flags:
        return [q[:2] + b'\x81\x80\xff\xff' + os.urandom(40)]
    if 'NXDOMAIN' in flags or find(qname) is None:
        return [head(3, 0)]
    if 'SERVFAIL' in flags:
        return [head(2, 0)]
    if 'REFUSED' in flags:
        return [head(5, 0)]
    if 'LOOP' in flags:
        # An answer whose owner name points at itself.
        p = 12 + len(question)
        return [head(0, 1) + struct.pack('>H', 0xc000 | p) + struct.pack('>HHIH', qtype, 1, 300, 4) + b'\1\2\3\4']
    out, n, owner, name = b'', 0, b'\xc0\x0c', qname
    for hop in range(10):
        rs = find(name) or []
        cn = [(t, v) for t, v in rs if t in ('CNAME', 'CNAMEONLY')]
        if cn and qtype != 5:
            out += rr(owner, cn[0][0], cn[0][1])
            n += 1
            if cn[0][0] == 'CNAMEONLY':
                break
            name, owner = cn[0][1], wire(cn[0][1])
            continue
        for t, v in rs:
            if TYPES.get('CNAME' if t == 'CNAMEONLY' else t) == qtype:
                r = rr(owner, t, v)
                if 'BADRDLEN' in flags:
                    r = r[:-2]
                out += r
                n += 1
        break
    pkt = head(0, n) + out
    if not tcp and ('TRUNC' in flags or len(pkt) > 512):
        return [head(0, 0, tc=1)]
    if 'WRONGID' in flags and not tcp:
        bad = struct.pack('>H', (qid + 1) & 0xffff) + pkt[2:]
        return [bad, pkt]
    return [pkt]


u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
port = u.getsockname()[1]
t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
t.bind(('127.0.0.1', port))
t.listen(5)
with open(sys.argv[2] + '.tmp', 'w') as f:
    f.write('%d\n' % port)
os.rename(sys.argv[2] + '.tmp', sys.argv[2])


def readn(c, n):
    b = b''
    while len(b) < n:
        d = c.recv(n - len(b))
        if not d:
            raise EOFError
        b += d
    return b


while True:
    r, _, _ = select.select([u, t], [], [], 600)
    if not r:
        break
    if u in r:
        q, addr = u.recvfrom(65535)
        for a in answer(q, False):
            u.sendto(a, addr)
    if t in r:
        c, _ = t.accept()
        c.settimeout(10)
        try:
            ln, = struct.unpack('>H', readn(c, 2))
            for a in answer(readn(c, ln), True):
                c.sendall(struct.pack('>H', len(a)) + a)
        except Exception:
            pass
        c.close()
