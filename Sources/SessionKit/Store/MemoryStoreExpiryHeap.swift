/// The memory store's expiry order: an indexed binary min-heap on `expiresAt`, each entry's
/// position kept in its slot (`heapIndex`) so that a record's expiry changes or its removal cost
/// O(log n) without a search. The top is the eviction candidate when expired, and what sweeps take.
extension MemorySessionStore {
    struct HeapEntry {
        var expiresAt: Int64
        var slot: UInt32
    }
}

extension MemorySessionStore.State {
    mutating func heapPush(_ slot: UInt32, _ expiresAt: Int64) {
        heap.append(MemorySessionStore.HeapEntry(expiresAt: expiresAt, slot: slot))
        siftUp(heap.count - 1)
    }

    mutating func heapRemove(at position: Int) {
        let last = heap.count - 1
        if position != last {
            heap.swapAt(position, last)
            slots[Int(heap[position].slot)].heapIndex = UInt32(position)
        }
        heap.removeLast()
        if position < heap.count {
            siftDown(siftUp(position))
        }
    }

    mutating func updateExpiry(_ slot: UInt32, _ expiresAt: Int64) {
        let position = Int(slots[Int(slot)].heapIndex)
        heap[position].expiresAt = expiresAt
        siftDown(siftUp(position))
    }

    /// Returns the entry's final position.
    @discardableResult
    mutating func siftUp(_ start: Int) -> Int {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.expiresAt < heap[parent].expiresAt else { break }
            heap[child] = heap[parent]
            slots[Int(heap[child].slot)].heapIndex = UInt32(child)
            child = parent
        }
        heap[child] = entry
        slots[Int(entry.slot)].heapIndex = UInt32(child)
        return child
    }

    mutating func siftDown(_ start: Int) {
        var parent = start
        let entry = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1].expiresAt < heap[child].expiresAt { child += 1 }
            guard heap[child].expiresAt < entry.expiresAt else { break }
            heap[parent] = heap[child]
            slots[Int(heap[parent].slot)].heapIndex = UInt32(parent)
            parent = child
        }
        heap[parent] = entry
        slots[Int(entry.slot)].heapIndex = UInt32(parent)
    }
}
