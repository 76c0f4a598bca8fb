#ifndef SESSIONKIT_RANDOM_H
#define SESSIONKIT_RANDOM_H

#include <stddef.h>

/// Fills `buffer` with `length` bytes from the system CSPRNG (getrandom(2) on Linux,
/// arc4random_buf on Darwin) in as few system calls as the kernel allows. Returns 0, or -1 with
/// errno set when no CSPRNG is available.
int sessionkit_random_bytes(void *buffer, size_t length);

#endif
