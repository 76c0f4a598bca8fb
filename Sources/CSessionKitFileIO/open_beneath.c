#define _GNU_SOURCE
#include "sessionkit_fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/openat2.h>
#endif

/* 0: not tried yet; 1: openat2 works; -1: the kernel (or a seccomp filter) refuses it. */
static int openat2_state = 0;

#if defined(__linux__) && defined(SYS_openat2)
static int open_with_openat2(int dirfd, const char *path, int flags, mode_t mode) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)(flags | O_NOFOLLOW | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}
#endif

/* One component at a time: every folder with O_NOFOLLOW|O_DIRECTORY, the last one with
   O_NOFOLLOW. ".." and absolute paths are refused (EXDEV, as RESOLVE_BENEATH does). */
static int open_by_components(int dirfd, const char *path, int flags, mode_t mode) {
    if (path[0] == '/') { errno = EXDEV; return -1; }
    char buffer[512];
    size_t length = strlen(path);
    if (length >= sizeof buffer) { errno = ENAMETOOLONG; return -1; }
    memcpy(buffer, path, length + 1);
    int current = dirfd;
    char *name = buffer;
    for (;;) {
        char *slash = strchr(name, '/');
        if (slash) *slash = 0;
        if (strcmp(name, "..") == 0) {
            if (current != dirfd) close(current);
            errno = EXDEV;
            return -1;
        }
        int fd;
        if (slash) {
            if (*name == 0 || strcmp(name, ".") == 0) { name = slash + 1; continue; }
            fd = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        } else {
            fd = openat(current, *name ? name : ".", flags | O_NOFOLLOW | O_CLOEXEC, mode);
        }
        int saved = errno;
        if (current != dirfd) close(current);
        errno = saved;
        if (fd < 0 || !slash) return fd;
        current = fd;
        name = slash + 1;
    }
}

int sessionkit_open_beneath(int dirfd, const char *path, int flags, mode_t mode) {
#if defined(__linux__) && defined(SYS_openat2)
    int state = __atomic_load_n(&openat2_state, __ATOMIC_RELAXED);
    if (state >= 0) {
        int fd = open_with_openat2(dirfd, path, flags, mode);
        if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) {
            if (state == 0) __atomic_store_n(&openat2_state, 1, __ATOMIC_RELAXED);
            return fd;
        }
        int saved = errno;
        if (state == 0 || saved == ENOSYS) {
            /* ENOSYS: kernel before 5.6. EPERM from openat2 itself on the very first call: a
               seccomp filter that does not know the call (the file's own EPERM, from O_NOATIME
               on a file of another user, is told apart by the probe of the folder). */
            int probe = open_with_openat2(dirfd, ".", O_RDONLY | O_DIRECTORY, 0);
            if (probe >= 0) {
                close(probe);
                __atomic_store_n(&openat2_state, 1, __ATOMIC_RELAXED);
                errno = saved;
                return -1;
            }
            __atomic_store_n(&openat2_state, -1, __ATOMIC_RELAXED);
        } else {
            errno = saved;
            return -1;
        }
    }
#endif
    return open_by_components(dirfd, path, flags, mode);
}

int sessionkit_openat2_in_use(void) {
    return __atomic_load_n(&openat2_state, __ATOMIC_RELAXED) > 0;
}

void sessionkit_open_beneath_force_fallback(int on) {
    __atomic_store_n(&openat2_state, on ? -1 : 0, __ATOMIC_RELAXED);
}
