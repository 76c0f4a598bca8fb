#define _GNU_SOURCE
#include "sessionkit_fileio.h"

#include <errno.h>
#if defined(__linux__)
#include <sys/uio.h>
#endif

ssize_t sessionkit_pread_cached(int fd, void *buffer, size_t length, off_t offset) {
#if defined(__linux__) && defined(RWF_NOWAIT)
    struct iovec iov = { .iov_base = buffer, .iov_len = length };
    ssize_t n;
    do {
        n = preadv2(fd, &iov, 1, offset, RWF_NOWAIT);
    } while (n < 0 && errno == EINTR);
    return n;
#else
    (void)fd; (void)buffer; (void)length; (void)offset;
    errno = ENOSYS; /* the caller stops trying */
    return -1;
#endif
}
