import Foundation
import SessionKit
import SessionKitCLI
import Testing

@Suite struct ZZTempSweepProbe {
    @Test func probe() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try DirectorySessionStore(directory: dir, synchronousWrites: false)
        let now = SessionClock.system.unixSeconds
        let live = SessionRecord(data: [:], createdAt: now, lastAccessAt: now, absoluteDeadline: nil, expiresAt: now + 3600)
        var made = 0
        while made < 10_500 {
            let key = SessionID.generate().storageKey
            if key.hex.hasPrefix("ff") { continue }
            _ = try await store.create(key, record: live); made += 1
        }
        var expiredKey = SessionID.generate().storageKey
        while !expiredKey.hex.hasPrefix("ff") { expiredKey = SessionID.generate().storageKey }
        let dead = SessionRecord(data: [:], createdAt: now - 10, lastAccessAt: now - 10, absoluteDeadline: nil, expiresAt: now - 1)
        _ = try await store.create(expiredKey, record: dead)
        let fresh = try DirectorySessionStore(directory: dir, synchronousWrites: false)
        let out = try await StoreSweepCommand.sweep(store: fresh, now: now)
        print("PROBE sweep output: \(out)")
        print("PROBE expired still there: \(try await fresh.load(expiredKey, now: .min) != nil)")
    }
}
