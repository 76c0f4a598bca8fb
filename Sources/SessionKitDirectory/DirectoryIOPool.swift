#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SessionKit
import Synchronization
import class Foundation.Thread

// MARK: - I/O threads

/// A few dedicated threads for blocking file I/O (open/read/fsync/flock), so that Swift's
/// cooperative pool never waits on the disk or on another process's lock.
final class BlockingIOPool: Sendable {
    static let shared = BlockingIOPool(threads: max(8, min(32, 2 * ProcessInfoCores.count)))

    private struct Queue {
        var items: [@Sendable () -> Void] = []
        var head = 0
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in self.work() }
            thread.name = "SessionKit.io.\(index)"
            thread.start()
        }
    }

    private func work() {
        while true {
            available.wait()
            let item = queue.withLock { q -> (@Sendable () -> Void)? in
                guard q.head < q.items.count else { return nil }
                let item = q.items[q.head]
                q.head += 1
                if q.head == q.items.count {
                    q.items.removeAll(keepingCapacity: true)
                    q.head = 0
                } else if q.head >= 1024 && q.head * 2 >= q.items.count {
                    q.items.removeFirst(q.head)
                    q.head = 0
                }
                return item
            }
            item?()
        }
    }

    func submit(_ item: @escaping @Sendable () -> Void) {
        queue.withLock { $0.items.append(item) }
        available.signal()
    }

    /// Runs `body` on a pool thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(SessionStoreError) -> T) async throws(SessionStoreError) -> T {
        let result: Result<T, SessionStoreError> = await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: Result { () throws(SessionStoreError) -> T in try body() }) }
        }
        return try result.get()
    }
}

enum ProcessInfoCores {
    static var count: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 2
    }
}
