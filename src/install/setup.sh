#!/bin/sh
# setup.sh DESTDIR HOME IDMODE AUTOFILE HIER make|check
# The qmail-home part of "make setup" (and of the installed-tree check).
# With IDMODE names it first makes sure every qmail account exists, and
# stops with the commands to create the missing ones.  Owners are set only
# when run as root, without DESTDIR (packagers set owners in their package
# metadata), and QM_NO_CHOWN unset.
destdir=$1
home=$2
mode=$3
auto=$4
hier=$5
verb=$6

if test "$mode" = names; then
  missing=`sed -n 's/^\/\/ missing://p' "$auto"`
  if test -n "$missing"; then
    echo "make setup: the qmail accounts are missing:$missing" >&2
    echo "Create them first (then run make setup again), for example:" >&2
    echo "  groupadd nofiles" >&2
    echo "  groupadd qmail" >&2
    echo "  useradd -g nofiles -d $home/alias -s /bin/false alias" >&2
    echo "  useradd -g nofiles -d $home -s /bin/false qmaild" >&2
    echo "  useradd -g nofiles -d $home -s /bin/false qmaill" >&2
    echo "  useradd -g nofiles -d $home -s /bin/false qmailp" >&2
    echo "  useradd -g qmail -d $home -s /bin/false qmailq" >&2
    echo "  useradd -g qmail -d $home -s /bin/false qmailr" >&2
    echo "  useradd -g qmail -d $home -s /bin/false qmails" >&2
    echo "or configure --with-qmail-ids=self for a private (sandbox) install." >&2
    exit 1
  fi
fi

owners=
if test "$mode" = names && test -z "$destdir" && test -z "$QM_NO_CHOWN" &&
   test "`id -u`" = 0; then
  owners=-o
fi
exec "$hier" $owners "$verb" "$destdir$home"
