# Project macros.  Each one caches its answer in a qm_cv_* variable so that a
# ports/<os>/config.site (or a test) can force the path a real old system
# would take.

# QM_HEADERS_SANE: compile the socket and resolver headers together before
# anything else needs them.  A gcc whose private (fixincluded) headers were
# made for another OS release, or a BIND install that replaced the system's
# arpa/ and resolv.h, fails here with "No DATAMODEL_NATIVE specified"; say
# what to do about it instead of letting make fail forty files later.
AC_DEFUN([QM_HEADERS_SANE], [
AC_CHECK_HEADERS([arpa/nameser.h resolv.h])
AC_CACHE_CHECK([whether the system headers are usable together], [qm_cv_headers_sane], [
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>
#ifdef HAVE_ARPA_NAMESER_H
#include <arpa/nameser.h>
#endif
#ifdef HAVE_RESOLV_H
#include <resolv.h>
#endif
#ifdef _LP64
typedef char qm_lp64_check[sizeof(long) == 8 ? 1 : -1];
#endif
]], [[struct sockaddr_in sa; sa.sin_family = AF_INET; return sa.sin_family == 0;]])],
  [qm_cv_headers_sane=yes], [qm_cv_headers_sane=no])])
AS_IF([test "x$qm_cv_headers_sane" != xyes], [
  AS_IF([grep DATAMODEL_NATIVE config.log >/dev/null 2>&1], [
    AC_MSG_ERROR([the compiler's private headers do not match this OS release
(sys/model.h: No DATAMODEL_NATIVE specified).  Rerun gcc's fixincludes
(mkheaders) or reinstall gcc for this OS release; restore the OS headers
that a BIND install replaced (arpa/inet.h arpa/nameser.h netdb.h resolv.h);
do not add -I/usr/include to CPPFLAGS.])
  ], [
    AC_MSG_ERROR([cannot compile the socket headers together; see config.log])
  ])
])
])

# QM_ERRNO_DECL: never declare errno by hand when <errno.h> does (glibc 2.3
# made errno thread-local and "extern int errno" fails to link there).
AC_DEFUN([QM_ERRNO_DECL], [
AC_CHECK_DECLS([errno],,,[[#include <errno.h>]])
])

# QM_SOCKLEN: the type of the length argument of getsockname/accept.  C++
# refuses a mismatch that C only warns about, so try the candidates in turn.
AC_DEFUN([QM_SOCKLEN], [
AC_CACHE_CHECK([for the socket length type], [qm_cv_socklen], [
  qm_cv_socklen=
  for t in socklen_t size_t int; do
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <sys/socket.h>
]], [[struct sockaddr sa; $t n = sizeof sa; return getsockname(0, &sa, &n);]])],
      [qm_cv_socklen=$t; break])
  done
  AS_IF([test -z "$qm_cv_socklen"], [qm_cv_socklen=int])])
AC_DEFINE_UNQUOTED([qm_socklen], [$qm_cv_socklen], [type of the socket length argument])
])

# QM_LOCK_METHOD: flock where it is a native call, fcntl on System V.
# Mailbox locking must agree with the local mail readers, so this is also a
# --with-lock choice and a port setting.
AC_DEFUN([QM_LOCK_METHOD], [
AC_ARG_WITH([lock],
  [AS_HELP_STRING([--with-lock=flock|fcntl|lockf], [file locking call (default: flock if present)])],
  [qm_cv_lock=$withval])
AC_CACHE_CHECK([which file locking call to use], [qm_cv_lock], [
  AS_IF([test "x$ac_cv_func_flock" = xyes], [qm_cv_lock=flock],
        [test "x$ac_cv_func_lockf" = xyes], [qm_cv_lock=lockf],
        [qm_cv_lock=fcntl])])
AS_CASE([$qm_cv_lock],
  [flock], [AC_DEFINE([QM_LOCK_FLOCK], [1], [lock files with flock])],
  [lockf], [AC_DEFINE([QM_LOCK_LOCKF], [1], [lock files with lockf])],
  [fcntl], [AC_DEFINE([QM_LOCK_FCNTL], [1], [lock files with fcntl])],
  [AC_MSG_ERROR([unknown lock method $qm_cv_lock])])
])

# QM_CHECK_FIFO: on some systems a FIFO opened read-only, non-blocking
# with no writer selects as readable forever (qmail-send would spin), on
# others the trigger never wakes the reader (mail sits until a restart).
# Where the bug exists or cannot be tested, the reader holds a write fd on
# its own FIFO; that is harmless everywhere.
AC_DEFUN([QM_CHECK_FIFO], [
AC_CACHE_CHECK([whether an idle FIFO selects readable], [qm_cv_fifo_eof_bug], [
  AC_RUN_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#ifdef HAVE_SYS_SELECT_H
#include <sys/select.h>
#endif
]], [[
  char name[64];
  fd_set rfds;
  struct timeval tv;
  int fd, r;
  snprintf(name, sizeof name, "conftest.fifo.%d", (int) getpid());
  unlink(name);
  if (mkfifo(name, 0600) == -1) return 2;
  fd = open(name, O_RDONLY | O_NONBLOCK);
  unlink(name);
  if (fd == -1) return 2;
  FD_ZERO(&rfds); FD_SET(fd, &rfds);
  tv.tv_sec = 0; tv.tv_usec = 0;
  r = select(fd + 1, &rfds, 0, 0, &tv);
  return r > 0 ? 1 : 0;
]])], [qm_cv_fifo_eof_bug=no], [qm_cv_fifo_eof_bug=yes], [qm_cv_fifo_eof_bug=yes])])
AS_IF([test "x$qm_cv_fifo_eof_bug" = xyes],
  [AC_DEFINE([QM_FIFO_EOF_BUG], [1], [hold a write fd on FIFOs we read])])
])

# QM_SOCKET_LIBS: -lsocket/-lnsl where sockets live outside libc (Solaris).
# Never add -lsocket on IRIX (ports/irix forces ac_cv_lib_socket_socket=no).
AC_DEFUN([QM_SOCKET_LIBS], [
qm_save_LIBS=$LIBS
LIBS=
AC_CHECK_FUNC([gethostbyname], [], [AC_CHECK_LIB([nsl], [gethostbyname])])
AC_CHECK_FUNC([socket], [], [
  AC_CHECK_LIB([socket], [socket], [LIBS="-lsocket $LIBS"], [
    unset ac_cv_lib_socket_socket
    AC_CHECK_LIB([socket], [socket], [LIBS="-lsocket -lnsl $LIBS"], [], [-lnsl])])])
SOCKET_LIBS=$LIBS
LIBS=$qm_save_LIBS
AC_SUBST([SOCKET_LIBS])
])

# QM_RESOLV_LIBS: the library holding res_query.  The test includes
# <resolv.h> because glibc and BIND 8 rename the symbol with a macro, so a
# bare symbol search can give the wrong answer.  Only programs that use the
# system resolver link it; our own DNS client needs none of this.
AC_DEFUN([QM_RESOLV_LIBS], [
AC_CACHE_CHECK([for the library holding res_query], [qm_cv_lib_resolv], [
  qm_cv_lib_resolv=no
  qm_save_LIBS=$LIBS
  for l in "" "-lresolv" "-lresolv -lnsl" "-lbind"; do
    LIBS="$l $SOCKET_LIBS $qm_save_LIBS"
    AC_LINK_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <resolv.h>
]], [[unsigned char b[512]; return res_query("example.org", C_IN, T_MX, b, sizeof b);]])],
      [qm_cv_lib_resolv="$l"; AS_IF([test -z "$l"], [qm_cv_lib_resolv="none required"]); break])
  done
  LIBS=$qm_save_LIBS])
AS_CASE([$qm_cv_lib_resolv],
  [no|"none required"], [RESOLV_LIBS=],
  [RESOLV_LIBS=$qm_cv_lib_resolv])
AC_SUBST([RESOLV_LIBS])
])

# QM_PERF_LINK (perf): programs must start like small static C programs,
# so the C++ runtime is never a shared library loaded at start-up.  Shipped
# code uses no exceptions, RTTI, STL or iostreams; what little a class with
# a virtual destructor pulls in (operator delete) is linked statically with
# -static-libstdc++ -static-libgcc, and --as-needed drops libm and friends
# that the compiler driver adds but nothing uses.  Each flag is kept only if
# a link with it succeeds and the compiler prints nothing about it (old
# compilers warn about options they ignore); qm_cv_static_cxxrt and
# qm_cv_as_needed let a ports/*/config.site force the answer.
AC_DEFUN([QM_PERF_LINK], [
AC_LANG_PUSH([C++])
qm_save_LDFLAGS=$LDFLAGS
qm_save_werror=$ac_cxx_werror_flag
ac_cxx_werror_flag=yes
AC_CACHE_CHECK([whether $CXX links the C++ runtime statically], [qm_cv_static_cxxrt], [
  LDFLAGS="$qm_save_LDFLAGS -static-libstdc++ -static-libgcc"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([[
class QmBase { public: virtual ~QmBase() {} virtual int f() { return 1; } };
class QmDerived : public QmBase { public: int f() { return 0; } };
]], [[QmDerived d; QmBase* b = &d; return b->f();]])],
    [qm_cv_static_cxxrt=yes], [qm_cv_static_cxxrt=no])
  LDFLAGS=$qm_save_LDFLAGS])
AS_IF([test "x$qm_cv_static_cxxrt" = xyes],
  [LDFLAGS="$LDFLAGS -static-libstdc++ -static-libgcc"])
AC_CACHE_CHECK([whether the linker drops unused shared libraries], [qm_cv_as_needed], [
  qm_link_LDFLAGS=$LDFLAGS
  LDFLAGS="$LDFLAGS -Wl,--as-needed"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([[]], [[return 0;]])],
    [qm_cv_as_needed=yes], [qm_cv_as_needed=no])
  LDFLAGS=$qm_link_LDFLAGS])
AS_IF([test "x$qm_cv_as_needed" = xyes], [LDFLAGS="$LDFLAGS -Wl,--as-needed"])
ac_cxx_werror_flag=$qm_save_werror
AC_LANG_POP([C++])
])

# QM_STATIC_PROGRAMS (perf): link the programs statically where the system
# can, so that a start maps no shared library at all (on Linux a dynamic
# libc costs about as much again as the rest of a small program's start).
# --enable-static-programs=no keeps dynamic links; the default is yes when
# a static C++ link succeeds without a word from the compiler and, unless
# cross compiling, the result runs.  Substitutes QM_STATIC_LDFLAGS
# (libtool's -all-static, or empty); the programs that need the C
# library's name service (getpwnam, getspnam) override it.  Solaris 10
# and later ship no static libc, so there the probe fails and nothing
# changes; qm_cv_static_programs lets a config.site force the answer.
AC_DEFUN([QM_STATIC_PROGRAMS], [
AC_ARG_ENABLE([static-programs],
  [AS_HELP_STRING([--disable-static-programs],
    [link the programs against shared libraries (default: static where possible)])],
  [], [enable_static_programs=yes])
QM_STATIC_LDFLAGS=
AS_IF([test "x$enable_static_programs" != xno], [
  AC_LANG_PUSH([C++])
  qm_save_LDFLAGS=$LDFLAGS
  qm_save_werror=$ac_cxx_werror_flag
  ac_cxx_werror_flag=yes
  AC_CACHE_CHECK([whether programs can be linked statically], [qm_cv_static_programs], [
    LDFLAGS="$qm_save_LDFLAGS -static"
    AC_RUN_IFELSE([AC_LANG_PROGRAM([[#include <unistd.h>]],
        [[return write(1, "", 0) == 0 ? 0 : 1;]])],
      [qm_cv_static_programs=yes], [qm_cv_static_programs=no],
      [AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <unistd.h>]],
          [[return write(1, "", 0) == 0 ? 0 : 1;]])],
        [qm_cv_static_programs=yes], [qm_cv_static_programs=no])])
    LDFLAGS=$qm_save_LDFLAGS])
  ac_cxx_werror_flag=$qm_save_werror
  AC_LANG_POP([C++])
  AS_IF([test "x$qm_cv_static_programs" = xyes], [QM_STATIC_LDFLAGS=-all-static])
])
AC_SUBST([QM_STATIC_LDFLAGS])
])
