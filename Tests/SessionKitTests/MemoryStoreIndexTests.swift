import Testing

@testable import SessionKit

/// The memory store's flat key → slot table, against a `Dictionary` model, with keys made to
/// collide: many share a home bucket, runs wrap around the table's end, and removals in the
/// middle of a run must leave every other key findable (backward shift).
@Suite struct MemoryStoreIndexTests {
    /// `home` picks the first word's low bits (the bucket); `n` makes the key unique.
    static func key(home: UInt64, _ n: UInt64) -> SessionStorageKey {
        SessionStorageKey(w0: (n << 20) | home, w1: n, w2: ~n, w3: n &* 31)
    }

    struct Table {
        var index = MemoryStoreIndex()
        /// The "slab": slot → key, as the store keeps it.
        var keys: [SessionStorageKey] = []
        var model: [SessionStorageKey: UInt32] = [:]

        func find(_ key: SessionStorageKey) -> UInt32? {
            index.find(key) { keys[Int($0)] }
        }

        mutating func insert(_ key: SessionStorageKey) {
            let slot = UInt32(keys.count)
            keys.append(key)
            index.insert(key, slot: slot)
            model[key] = slot
        }

        mutating func remove(_ key: SessionStorageKey) {
            let removed = index.remove(key, slot: model[key]!)
            #expect(removed)
            model[key] = nil
        }

        /// Every key ever inserted is found exactly when the model holds it.
        func check(_ step: Int) -> Bool {
            #expect(index.count == model.count, "step \(step)")
            for key in keys where find(key) != model[key] {
                Issue.record("step \(step): \(key) found at \(String(describing: find(key))), expected \(String(describing: model[key]))")
                return false
            }
            return index.count == model.count
        }
    }

    @Test(.seeded) func collidingKeysStayFindableThroughInsertsRemovalsAndGrowth() {
        var rng = TestSeed.generator()
        var table = Table()
        // Homes near both ends of every table size up to 1,024 buckets (runs wrap around), and
        // many keys per home.
        let homes: [UInt64] = [0, 1, 2, 7, 13, 14, 15, 30, 31, 1_022, 1_023]
        var live: [SessionStorageKey] = []
        var n: UInt64 = 0
        for step in 0..<6_000 {
            if live.isEmpty || (live.count < 600 && Int.random(in: 0..<10, using: &rng) < 6) {
                n += 1
                let key = Self.key(home: homes.randomElement(using: &rng)!, n)
                table.insert(key)
                live.append(key)
            } else {
                let i = Int.random(in: 0..<live.count, using: &rng)
                live.swapAt(i, live.count - 1)
                table.remove(live.removeLast())
            }
            if step % 97 == 0 || live.count < 20 {
                guard table.check(step) else { return }
            }
        }
        #expect(table.check(-1))
        #expect(table.index.bucketCount >= 1_024)
    }

    @Test func aRemovalFindsItsEntryBySlotAndReportsAbsence() {
        var table = Table()
        let a = Self.key(home: 5, 1)
        let b = Self.key(home: 5, 2)  // same home: sits right after a
        table.insert(a)
        table.insert(b)
        #expect(table.find(b) == 1)
        table.remove(a)  // b shifts back into a's bucket
        #expect(table.find(b) == 1)
        #expect(table.find(a) == nil)
        #expect(table.index.remove(a, slot: 0) == false)
        // A key whose first word matches a stored one but is another key is not found.
        let twin = SessionStorageKey(w0: b.w0, w1: 99, w2: 99, w3: 99)
        #expect(table.find(twin) == nil)
    }
}
