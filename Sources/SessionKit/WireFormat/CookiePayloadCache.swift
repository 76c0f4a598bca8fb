import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cookie payloads already decoded, by their exact bytes: a browser sends the same session cookie
/// on every request until a response sets a new one, and decoding it again (base64, zlib, tagged
/// JSON: a few microseconds for a compressed session) gives the same session every time. Each
/// entry keeps the session and the payload's JSON text (which lets the engine tell a save of
/// unchanged data and sign the same payload again).
///
/// Only the pure step is remembered. The codec verifies every cookie's signature and age before it
/// asks, and only a payload whose signature verified is ever added, so the cache never holds bytes
/// a client made up, and what it answers is exactly what decoding would have given.
///
/// Bounded: two generations per shard. New entries go into the current one; when it holds
/// `entriesPerGeneration` entries or `bytesPerGeneration` bytes (payload plus JSON), it becomes the
/// previous one and the old previous one is dropped. A hit in the previous generation moves the
/// entry back to the current one. Shards (by the payload's hash, computed before any lock) keep
/// parallel requests from queueing on one lock.
final class CookiePayloadCache: Sendable {
    struct Limits: Sendable, Equatable {
        var entriesPerGeneration: Int
        var bytesPerGeneration: Int

        /// At most 2 x 8 shards x 256 entries, 2 x 8 x 1 MB of payload and JSON.
        static let standard = Limits(entriesPerGeneration: 256, bytesPerGeneration: 1 << 20)
    }

    struct Hit {
        var session: SessionObject
        var compressed: Bool
        /// The payload's JSON text.
        var json: [UInt8]
    }

    static let shardCount = 8
    let limits: Limits
    private let shards: [Shard]

    init(limits: Limits = .standard) {
        precondition(limits.entriesPerGeneration > 0 && limits.bytesPerGeneration > 0, "empty cache limits")
        self.limits = limits
        self.shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    /// The session a payload decoded to before, or nil.
    func lookup(_ payload: UnsafeBufferPointer<UInt8>) -> Hit? {
        let hash = Self.hash(payload)
        return shards[Self.shardIndex(hash)].state.withLock { state in
            state.lookup(Key(hash: hash, borrowing: payload))
        }
    }

    /// Remembers what a verified payload decoded to. Its JSON text and the payload's own length
    /// are what the entry is charged.
    func insert(_ payload: UnsafeBufferPointer<UInt8>, session: SessionObject, compressed: Bool, json: [UInt8]) {
        let cost = payload.count + json.count
        guard cost <= limits.bytesPerGeneration else { return }
        let hash = Self.hash(payload)
        let key = Key(hash: hash, owning: Array(payload))
        let limits = self.limits
        shards[Self.shardIndex(hash)].state.withLock { state in
            state.insert(key, Entry(hit: Hit(session: session, compressed: compressed, json: json), cost: cost), limits: limits)
        }
    }

    /// Entries held in both generations of every shard (tests).
    var count: Int {
        shards.reduce(0) { sum, shard in sum + shard.state.withLock { $0.current.count + $0.previous.count } }
    }

    private static func hash(_ payload: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()  // seeded per process: collisions cannot be planned from outside
        hasher.combine(bytes: UnsafeRawBufferPointer(payload))
        return hasher.finalize()
    }

    private static func shardIndex(_ hash: Int) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: hash) >> 61) & (shardCount - 1)
    }

    private final class Shard: Sendable {
        let state = Mutex(State())
    }

    private struct Entry {
        var hit: Hit
        var cost: Int
    }

    private struct State {
        var current: [Key: Entry] = [:]
        var previous: [Key: Entry] = [:]
        var currentBytes = 0

        mutating func lookup(_ key: Key) -> Hit? {
            if let entry = current[key] { return entry.hit }
            guard let index = previous.index(forKey: key) else { return nil }
            // Used again: keep it through the next rotation (under its stored, owning key).
            let (owned, entry) = previous[index]
            previous.remove(at: index)
            add(owned, entry)
            return entry.hit
        }

        mutating func insert(_ key: Key, _ entry: Entry, limits: Limits) {
            guard current[key] == nil else { return }
            if current.count >= limits.entriesPerGeneration || currentBytes + entry.cost > limits.bytesPerGeneration {
                previous = current
                current = [:]
                currentBytes = 0
            }
            previous.removeValue(forKey: key)
            add(key, entry)
        }

        private mutating func add(_ key: Key, _ entry: Entry) {
            current[key] = entry
            currentBytes += entry.cost
        }
    }

    /// A payload's bytes with their hash. Stored keys own their bytes; a lookup's key borrows the
    /// request's bytes for the duration of the call only.
    private struct Key: Hashable, @unchecked Sendable {
        let hash: Int
        private let owned: [UInt8]?
        private let borrowed: UnsafeBufferPointer<UInt8>?

        init(hash: Int, owning bytes: [UInt8]) {
            self.hash = hash
            self.owned = bytes
            self.borrowed = nil
        }

        init(hash: Int, borrowing bytes: UnsafeBufferPointer<UInt8>) {
            self.hash = hash
            self.owned = nil
            self.borrowed = bytes
        }

        private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let owned { return owned.withUnsafeBufferPointer(body) }
            return body(borrowed!)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Key, b: Key) -> Bool {
            guard a.hash == b.hash else { return false }
            return a.withBytes { x in
                b.withBytes { y in
                    x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
                }
            }
        }
    }
}
