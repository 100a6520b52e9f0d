// requeue.cc: Delivered-To line + message into qmail-queue.
#include "config.h"
#include "src/mail/requeue.h"

#include <unistd.h>
#include "compat/errno_compat.h"
#include "src/lib/bytes.h"
#include "src/lib/control.h"
#include "src/mail/qqclient.h"

const char* requeue_message(int fd, const Bytes& dtline, const char* sender,
                            size_t sender_len, const Bytes& recipients,
                            int* pid, bool* read_error) {
  *read_error = false;
  QueueClient qq;
  if (!qq.open()) return "Zunable to fork (#4.3.0)";
  *pid = qq.pid();
  qq.put(dtline.data(), dtline.len());
  char buf[8192];
  for (;;) {
    long r = read(fd, buf, sizeof buf);
    if (r == -1 && errno == EINTR) continue;
    if (r == -1) {
      // Without the envelope's final NUL qmail-queue queues nothing.
      *read_error = true;
      qq.fail();
      qq.close();
      return "Zunable to read message (#4.3.0)";
    }
    if (r == 0) break;
    qq.put(buf, (size_t) r);
  }
  qq.from(sender, sender_len);
  size_t pos = 0;
  const char* s;
  size_t n;
  while (list_next(recipients, &pos, &s, &n)) qq.to(s, n);
  return qq.close();
}
