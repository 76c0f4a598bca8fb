/// A string-keyed dictionary whose keys compare by Unicode scalars, as Python's `dict` does.
///
/// Swift's `String` equality uses canonical equivalence, so `"e\u{301}"` and `"\u{e9}"` would be
/// one key in a `[String: V]`; Python keeps two. Here keys are equal only when their scalars are
/// equal, and iteration is in code-point order (UTF-8 byte order, which is the same thing), which
/// is exactly Flask's `sort_keys=True` order.
public struct SessionObject: Sendable, Hashable {
    /// Entries sorted by the UTF-8 bytes of their keys, no duplicates.
    package private(set) var entries: [(key: String, value: SessionValue)]

    public init() { self.entries = [] }

    /// Builds an object; for duplicate keys `combine` picks the value (JSON's rule: the last).
    public init<S: Sequence>(
        _ pairs: S,
        uniquingKeysWith combine: (SessionValue, SessionValue) -> SessionValue
    ) where S.Element == (String, SessionValue) {
        self.entries = []
        for (key, value) in pairs {
            self.updateValue(key, value, combine: combine)
        }
    }

    /// Adopts entries already sorted by `compare` and without duplicate keys (decoders only).
    init(sortedUniqueEntries entries: [(key: String, value: SessionValue)]) {
        self.entries = entries
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// Whether the object is non-empty and every key is in `allowed`: the anonymous-session test
    /// of the engine and of every store's merge, so it builds no key list.
    func holdsOnlyKeys(in allowed: Set<String>) -> Bool {
        !entries.isEmpty && entries.count <= allowed.count && entries.allSatisfy { allowed.contains($0.key) }
    }

    /// Index of `key` in `entries`, or where it would be inserted.
    @usableFromInline func search(_ key: String) -> (found: Bool, index: Int) {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            switch SessionObject.compare(entries[mid].key, key) {
            case .orderedSame: return (true, mid)
            case .orderedAscending: low = mid + 1
            case .orderedDescending: high = mid
            }
        }
        return (false, low)
    }

    public subscript(key: String) -> SessionValue? {
        get {
            let (found, index) = search(key)
            return found ? entries[index].value : nil
        }
        set {
            let (found, index) = search(key)
            switch (found, newValue) {
            case (true, .some(let v)): entries[index].value = v
            case (true, .none): entries.remove(at: index)
            case (false, .some(let v)): entries.insert((key, v), at: index)
            case (false, .none): break
            }
        }
    }

    public func contains(_ key: String) -> Bool { search(key).found }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> SessionValue? {
        let (found, index) = search(key)
        guard found else { return nil }
        return entries.remove(at: index).value
    }

    public mutating func removeAll() { entries.removeAll() }

    private mutating func updateValue(
        _ key: String, _ value: SessionValue, combine: (SessionValue, SessionValue) -> SessionValue
    ) {
        let (found, index) = search(key)
        if found {
            entries[index].value = combine(entries[index].value, value)
        } else {
            entries.insert((key, value), at: index)
        }
    }

    /// Appends entries whose keys are known to be sorted and unique (fast path for decoders);
    /// falls back to a sorted insert when they are not.
    public mutating func append(key: String, value: SessionValue) {
        if let last = entries.last {
            switch SessionObject.compare(last.key, key) {
            case .orderedAscending:
                entries.append((key, value))
            default:
                self[key] = value
            }
        } else {
            entries.append((key, value))
        }
    }

    /// Compares two keys by Unicode code point (= UTF-8 byte order), never by canonical equivalence.
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        // Native strings (small ones included) expose their UTF-8 directly.
        if let result = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) }
        }), let result {
            return result
        }
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return .orderedSame
            case (nil, _): return .orderedAscending
            case (_, nil): return .orderedDescending
            case (let x?, let y?):
                if x < y { return .orderedAscending }
                if x > y { return .orderedDescending }
            }
        }
    }

    @inline(__always)
    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> ComparisonResult {
        let common = Swift.min(x.count, y.count)
        var i = 0
        while i < common {
            if x[i] != y[i] { return x[i] < y[i] ? .orderedAscending : .orderedDescending }
            i += 1
        }
        if x.count == y.count { return .orderedSame }
        return x.count < y.count ? .orderedAscending : .orderedDescending
    }

    enum ComparisonResult: Sendable { case orderedAscending, orderedSame, orderedDescending }

    public static func == (lhs: SessionObject, rhs: SessionObject) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for (l, r) in zip(lhs.entries, rhs.entries) {
            guard compare(l.key, r.key) == .orderedSame, l.value == r.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key.utf8.count)
            for byte in entry.key.utf8 { hasher.combine(byte) }
            hasher.combine(entry.value)
        }
    }
}

extension SessionObject: Sequence {
    public func makeIterator() -> IndexingIterator<[(key: String, value: SessionValue)]> {
        entries.makeIterator()
    }
}

extension SessionObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, SessionValue)...) {
        self.init(elements, uniquingKeysWith: { _, last in last })
    }
}
