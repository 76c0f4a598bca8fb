#include "sessionkit_random.h"

#include <errno.h>
#if defined(__APPLE__)
#include <stdlib.h>
#else
#include <sys/random.h>
#endif

int sessionkit_random_bytes(void *buffer, size_t length) {
#if defined(__APPLE__)
    arc4random_buf(buffer, length);
    return 0;
#else
    unsigned char *out = buffer;
    size_t done = 0;
    while (done < length) {
        /* Blocks only before the kernel's pool is first seeded; interrupted only by signals. */
        ssize_t n = getrandom(out + done, length - done, 0);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno != EINTR) {
            return -1;
        }
    }
    return 0;
#endif
}
