/// The memory store's key → slot map: one flat array of 16-byte entries (the key's first digest
/// word and the slot), open addressing with linear probing and backward-shift deletion.
///
/// A lookup costs one cache line of this array at any size, where a `Dictionary` touches three
/// arrays (its occupancy bitmap, its keys and its values): at a million sessions every one of
/// those is a cache and TLB miss. The full key lives in the store's slab; `find` confirms a
/// candidate there (the slab slot is read next anyway). Keys are SHA-256 digests, so their first
/// word is already uniformly spread: it is the hash, unchanged, and the table never holds a key
/// a client chose (the store only inserts ids it issued).
struct MemoryStoreIndex {
    struct Entry {
        var word: UInt64
        /// `empty` when the entry is unused.
        var slot: UInt32
    }

    static let empty = UInt32.max

    private(set) var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    init() {
        entries = Array(repeating: Entry(word: 0, slot: Self.empty), count: 16)
        mask = 15
    }

    /// Entries the array holds (occupied or not).
    var bucketCount: Int { entries.count }

    /// The slot holding `key`; `keyAt` gives the full key stored in a slot.
    func find(_ key: SessionStorageKey, keyAt: (UInt32) -> SessionStorageKey) -> UInt32? {
        var i = Int(truncatingIfNeeded: key.w0) & mask
        while true {
            let e = entries[i]
            if e.slot == Self.empty { return nil }
            if e.word == key.w0 && keyAt(e.slot) == key { return e.slot }
            i = (i + 1) & mask
        }
    }

    /// Adds `key` → `slot`; the key must not be present.
    mutating func insert(_ key: SessionStorageKey, slot: UInt32) {
        precondition(slot != Self.empty, "slot out of range")
        if (count + 1) * 4 > entries.count * 3 { grow() }
        place(Entry(word: key.w0, slot: slot))
        count += 1
    }

    /// Removes the entry that maps to `slot` (found by `key`); false when absent.
    @discardableResult
    mutating func remove(_ key: SessionStorageKey, slot: UInt32) -> Bool {
        var i = Int(truncatingIfNeeded: key.w0) & mask
        while true {
            let e = entries[i]
            if e.slot == Self.empty { return false }
            if e.slot == slot { break }
            i = (i + 1) & mask
        }
        // Backward shift: pull later entries of the run into the hole when the hole lies on
        // their probe path (between their home bucket and where they sit), so that no lookup
        // ever stops at an empty entry before reaching its key.
        var hole = i
        var j = (i + 1) & mask
        while entries[j].slot != Self.empty {
            let home = Int(truncatingIfNeeded: entries[j].word) & mask
            let distanceToJ = (j - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole < distanceToJ {
                entries[hole] = entries[j]
                hole = j
            }
            j = (j + 1) & mask
        }
        entries[hole] = Entry(word: 0, slot: Self.empty)
        count -= 1
        return true
    }

    /// Every (first word, slot) pair held, in table order (tests and `keys`).
    var occupied: [Entry] { entries.filter { $0.slot != Self.empty } }

    private mutating func place(_ entry: Entry) {
        var i = Int(truncatingIfNeeded: entry.word) & mask
        while entries[i].slot != Self.empty { i = (i + 1) & mask }
        entries[i] = entry
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(word: 0, slot: Self.empty), count: old.count * 2)
        mask = entries.count - 1
        for e in old where e.slot != Self.empty { place(e) }
    }
}
