#define _GNU_SOURCE
#include "sessionkit_fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int sessionkit_sync_file_system(int fd) {
    int rc;
#if defined(__linux__)
    do {
        rc = syncfs(fd);
    } while (rc != 0 && errno == EINTR);
#elif defined(__APPLE__)
    sync();
    rc = fcntl(fd, F_FULLFSYNC);
#else
    sync();
    rc = fsync(fd);
#endif
    return rc;
}
