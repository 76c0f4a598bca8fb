#include "sessionkit_fileio.h"

#if defined(__linux__)
#include <sys/vfs.h>

#define SESSIONKIT_TMPFS_MAGIC 0x01021994
#define SESSIONKIT_RAMFS_MAGIC 0x858458f6

int sessionkit_is_in_memory_fs(int fd) {
    struct statfs info;
    if (fstatfs(fd, &info) != 0) return 0;
    return info.f_type == SESSIONKIT_TMPFS_MAGIC || info.f_type == SESSIONKIT_RAMFS_MAGIC;
}
#else
int sessionkit_is_in_memory_fs(int fd) {
    (void)fd;
    return 0;
}
#endif
