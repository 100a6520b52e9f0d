// remoteinfo.h: the RFC 1413 ident query of tcpclient (and the TCP
// environment's TCPREMOTEINFO).  Connects from local ip to the peer's
// port 113, asks "REMOTEPORT , LOCALPORT", and reads the reply within
// timeout seconds in total.  The answer is everything after the third
// colon with spaces, tabs and CRs removed, cut after 257 bytes; a reply
// with fewer than three colons (an ERROR reply) gives an empty answer.
// Returns true with out set, false (errno set) when there is no usable
// reply (no server, timeout, no final LF).  Not for signal handlers.
#ifndef QM_UCSPI_REMOTEINFO_H
#define QM_UCSPI_REMOTEINFO_H

class Bytes;

bool remoteinfo(Bytes& out, const char localip[16], unsigned int localport,
                const char remoteip[16], unsigned int remoteport,
                unsigned int timeout);

#endif
