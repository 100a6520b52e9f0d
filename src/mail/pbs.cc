// pbs.cc: names of the POP-before-SMTP record.
#include "config.h"
#include "src/mail/pbs.h"

#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/lib/net.h"
#include "src/mail/auto.h"

bool pbs_path(Bytes& out, const char* ip) {
  char bin[16];
  if (!ip || !ip_scan_all(ip, bin)) return false;
  char text[kIpFmt];
  size_t n = ip_fmt(text, bin);
  return out.append(qm_home()) && out.append("/pbs/") && out.append(text, n);
}

bool pbs_timeout(unsigned long* seconds) {
  Bytes path;
  if (!path.copy(qm_home()) || !path.append("/control/pbstimeout"))
    return false;
  *seconds = kPbsDefaultTimeout;
  return control_read_ulong(path.c_str(), seconds) >= 0;
}
