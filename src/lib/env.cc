// env.cc: our own copy of environ, so that set/unset work the same on
// systems without setenv/unsetenv.
#include "config.h"
#include "src/lib/env.h"

#include <stdlib.h>
#include <string.h>
#include "compat/errno_compat.h"
#include "compat/protos.h"

static char** g_env = 0;     // our array, or 0 before the first change
static size_t g_len = 0;     // entries in use
static size_t g_cap = 0;     // entries allocated (excluding the NULL)

const char* env_get(const char* name) { return getenv(name); }

char** env_array() { return environ; }

static bool take_over() {
  if (g_env) return true;
  size_t n = 0;
  if (environ)
    while (environ[n]) ++n;
  size_t cap = n + 10;
  char** e = (char**) malloc((cap + 1) * sizeof(char*));
  if (!e) { errno = ENOMEM; return false; }
  for (size_t i = 0; i < n; ++i) e[i] = environ[i];
  e[n] = 0;
  g_env = e;
  g_len = n;
  g_cap = cap;
  environ = g_env;
  return true;
}

static bool name_matches(const char* entry, const char* name, size_t n) {
  return strncmp(entry, name, n) == 0 && entry[n] == '=';
}

bool env_unset(const char* name) {
  if (!take_over()) return false;
  size_t n = strlen(name);
  size_t i = 0;
  while (i < g_len) {
    if (name_matches(g_env[i], name, n)) {
      g_env[i] = g_env[--g_len];
      g_env[g_len] = 0;
    } else {
      ++i;
    }
  }
  return true;
}

bool env_set_bytes(const char* name, const char* value, size_t vn) {
  size_t n = strlen(name);
  if (n == 0 || memchr(name, '=', n)) { errno = EINVAL; return false; }
  if (!env_unset(name)) return false;
  if (vn > ((size_t) -1) / 2 - n - 2) { errno = ENOMEM; return false; }
  char* s = (char*) malloc(n + 1 + vn + 1);
  if (!s) { errno = ENOMEM; return false; }
  memcpy(s, name, n);
  s[n] = '=';
  memcpy(s + n + 1, value, vn);
  s[n + 1 + vn] = 0;
  if (g_len == g_cap) {
    size_t cap = g_cap * 2 + 10;
    char** e = (char**) realloc(g_env, (cap + 1) * sizeof(char*));
    if (!e) { free(s); errno = ENOMEM; return false; }
    g_env = e;
    g_cap = cap;
    environ = g_env;
  }
  g_env[g_len++] = s;
  g_env[g_len] = 0;
  return true;
}

bool env_set(const char* name, const char* value) {
  return env_set_bytes(name, value, strlen(value));
}

bool env_clear() {
  if (!take_over()) return false;
  g_len = 0;
  g_env[0] = 0;
  return true;
}
