// env.h: read and modify the environment handed to programs we exec.
//
// env_get is getenv.  The first modification copies the environment into
// storage owned by this module (the strings of the original environment
// are shared, new ones are malloc'd) and points environ at it, so exec*
// and children see the result; nothing is ever freed.  Setting replaces
// an inherited value, unsetting removes every copy of the name.  All
// modifiers return false with errno ENOMEM on allocation failure (or
// EINVAL for a name containing '=').  Not safe in signal handlers or
// between fork and exec in a threaded program.
#ifndef QM_LIB_ENV_H
#define QM_LIB_ENV_H

#include <stddef.h>

const char* env_get(const char* name);
bool env_set(const char* name, const char* value);
bool env_set_bytes(const char* name, const char* value, size_t n);
bool env_unset(const char* name);
// Remove everything (like "env -").
bool env_clear();
// The current environment array (NULL-terminated).
char** env_array();

#endif
