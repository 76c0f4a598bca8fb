import SessionKit

extension DirectorySessionStore {
    /// When the directory store's writes reach the disk. A process that crashes or is killed
    /// loses nothing in any mode (its writes are in the kernel's page cache); the modes differ
    /// only on a machine crash or power loss.
    public enum Durability: Sendable, Hashable, CustomStringConvertible {
        /// Every save, create, id change and delete is on the disk before it returns
        /// (`fdatasync` of the slot written in place; `fsync` of a new file and of its folder).
        /// The slowest: on a disk, each save waits for a device flush.
        case syncEachSave
        /// Saves and creates return once the kernel has them; the store's `syncService` syncs
        /// its file system (`syncfs`) at most `interval` after a write, in the background, as
        /// Redis's `appendfsync everysec` does: a machine crash loses at most the last
        /// `interval` of saves (a half-written file is detected by its checksum and read as
        /// absent). Deletes and id changes (logout, regenerate on login) still reach the disk
        /// before they return, so a session that was ended stays ended. While that service is
        /// not running (add it to your `ServiceGroup`), writes sync as with `.syncEachSave`.
        case syncEvery(Duration)
        /// Nothing is synced: the kernel writes back when it likes (about 30 s on Linux), as
        /// PHP's and Flask-Session's file sessions do.
        case noSync

        /// `syncEvery(.seconds(1))`.
        public static let `default` = Durability.syncEvery(.seconds(1))

        public var description: String {
            switch self {
            case .syncEachSave: return "sync each save"
            case .syncEvery(let interval): return "sync every \(interval)"
            case .noSync: return "no sync"
            }
        }
    }
}
