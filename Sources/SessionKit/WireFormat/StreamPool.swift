import class Foundation.NSLock
import NIOCore

/// A small lock-protected free list of reusable objects (zlib streams). Each object is used by
/// one caller at a time: taken out, used, given back. At most `capacity` are kept.
final class StreamPool<Stream: AnyObject>: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; a stream is owned by whoever took it.
    private let lock = NSLock()
    private var free: [Stream] = []
    let capacity: Int

    init(capacity: Int = max(4, System.coreCount)) {
        self.capacity = capacity
        free.reserveCapacity(capacity)
    }

    func take() -> Stream? {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast()
    }

    func give(_ stream: Stream) {
        lock.lock()
        defer { lock.unlock() }
        if free.count < capacity { free.append(stream) }
    }
}
