#ifndef SESSIONKIT_FILEIO_H
#define SESSIONKIT_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

/// Reads up to `length` bytes at `offset` only if they are already in the page cache:
/// preadv2(2) with RWF_NOWAIT on Linux. Returns the count read (0 at end of file), or -1 with
/// errno EAGAIN when the read would wait for the disk; EOPNOTSUPP or EINVAL when the kernel
/// lacks RWF_NOWAIT, ENOSYS on other platforms; another errno on any other failure.
ssize_t sessionkit_pread_cached(int fd, void *buffer, size_t length, off_t offset);

/// 1 when the open file or folder `fd` lives on tmpfs or ramfs (fstatfs(2)'s f_type): reads
/// there never wait for a disk. 0 otherwise, on failure, and on platforms other than Linux.
int sessionkit_is_in_memory_fs(int fd);

/// Writes back everything written to the file system holding `fd` and waits for it: syncfs(2)
/// on Linux; elsewhere sync(2), then F_FULLFSYNC (Darwin) or fsync(2) of `fd`. 0, or -1 with
/// errno (a write-back error since `fd` was opened, EIO...).
int sessionkit_sync_file_system(int fd);

/// O_NOATIME where the platform has it (Linux), else 0: reads through a descriptor opened with
/// it leave the file's access time alone, so they dirty no inode. Only the file's owner (or a
/// process with CAP_FOWNER) may use it; open(2) fails with EPERM otherwise.
int sessionkit_o_noatime(void);

/// openat(2) of `path` relative to the folder `dirfd` that follows no symbolic link in any
/// component and never leaves `dirfd` (".." and absolute paths fail with EXDEV): Linux
/// openat2(2) with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH, one syscall for the whole path; where
/// the kernel lacks openat2 (before 5.6, or a seccomp filter refuses it), one openat per
/// component with O_NOFOLLOW (folders with O_DIRECTORY). O_NOFOLLOW and O_CLOEXEC are always
/// added. A symbolic link anywhere fails with ELOOP (or ENOTDIR in a folder's place on the
/// fallback). Returns the descriptor or -1 with errno.
int sessionkit_open_beneath(int dirfd, const char *path, int flags, mode_t mode);

/// 1 once sessionkit_open_beneath has used openat2 successfully (tests and logs).
int sessionkit_openat2_in_use(void);

/// Tests: 1 forces the component-by-component fallback, 0 tries openat2 again.
void sessionkit_open_beneath_force_fallback(int on);

#endif
