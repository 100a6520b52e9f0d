// qmail-send.h: the state shared by the source files of qmail-send
// (qmail-send.cc: start-up, signals, main loop, logging;
// send-todo.cc: preprocessing of queue/todo; send-deliver.cc: jobs,
// deliveries, bounces and the end of a message).  One Send object lives
// in main; everything else reaches it through g_send.  Not thread-safe;
// signal handlers only touch the volatile flags.
#ifndef QM_QMAIL_QMAIL_SEND_H
#define QM_QMAIL_QMAIL_SEND_H

#include <stddef.h>
#include "src/lib/bytes.h"
#include "src/mail/auto.h"
#include "src/mail/domainmap.h"
#include "src/mail/sendfn.h"

// A scheduled channel file: message id, due time.
struct Due {
  unsigned long when;
  unsigned long id;
};

// Binary min-heap of Due entries (malloc'd array).
class DueHeap {
 public:
  DueHeap() : a_(0), n_(0), cap_(0) {}
  ~DueHeap();
  bool push(unsigned long when, unsigned long id);
  bool empty() const { return n_ == 0; }
  const Due& top() const { return a_[0]; }
  void pop();
  void all_due();   // ALRM: everything is due now
  size_t size() const { return n_; }

 private:
  Due* a_;
  size_t n_;
  size_t cap_;
  DueHeap(const DueHeap&);
  void operator=(const DueHeap&);
};

struct Job {
  bool used;
  unsigned long id;
  int chan;
  unsigned int pending;     // deliveries started and not yet reported
  bool passing;             // still the channel's pass (records to start)
  bool dying;
  unsigned long retry;
  Bytes sender;
};

struct Delivery {
  bool used;
  int job;
  size_t pos;               // offset of the record in the channel file
  unsigned long num;
  Bytes recip;
};

struct Channel {
  int cmdfd;
  int resfd;
  unsigned long conc;
  unsigned long used;
  DueHeap due;
  int pass;                 // job index being dispatched, -1 none
  Bytes file;               // the pass job's channel file contents
  size_t pos;
  Delivery del[kQmSpawn];
  // Result being read from resfd.
  Bytes res;
  bool res_slot_known;
  unsigned int res_slot;
};

struct Send {
  unsigned long lifetime;
  Bytes envnoathost;
  Bytes bouncefrom;
  Bytes bouncehost;
  Bytes dbhost;
  Bytes dbto;
  // HUP reads locals and virtualdomains into the spare pair, then flips.
  DomainMap locals_[2];
  DomainMap vdoms_[2];
  int maps;
  DomainMap percenthack;
  Channel ch[2];
  // A job is either some channel's pass or has a delivery running.
  Job jobs[2 * kQmSpawn + 2];
  unsigned int njobs;
  unsigned long delnum;
  // Ids from the last todo/ scan still to preprocess.
  unsigned long* todo;
  size_t ntodo;
  size_t todocap;
  size_t todopos;
  bool todo_scan;           // rescan todo/ when the list is done
  unsigned long next_todo_scan;
  unsigned long next_mess_scan;
  bool exiting;
};

extern Send* g_send;

inline const DomainMap* send_locals() { return &g_send->locals_[g_send->maps]; }
inline const DomainMap* send_vdoms() { return &g_send->vdoms_[g_send->maps]; }

// qmail-send.cc
void log_line(const char* a, const char* b = 0, const char* c = 0,
              const char* d = 0, const char* e = 0, const char* f = 0);
void log_bytes(Bytes& line);   // adds the newline, writes, clears
void log_status();
void nomem_sleep();
const char* chan_name(int chan);
// "dir/<split>/<id>" or "dir/<id>" into a caller buffer of kNameMax.
enum { kNameMax = 64 };
void qname(char* out, const char* dir, unsigned long id, bool split);
bool clean_cmd(const char* cmd, unsigned long id);
void clean_fail();

// send-todo.cc
void todo_step();
void todo_scan_dir();

// send-deliver.cc
void startup_scan();
void dispatch(int chan);
void read_results(int chan);
void message_done(unsigned long id);
void schedule(int chan, unsigned long id, unsigned long when);
void mess_scan();

#endif
