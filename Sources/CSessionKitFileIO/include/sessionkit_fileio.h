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

#endif
