import GRDB
public import SessionKit

// InspectableSessionStore: counting and listing the stored keys.
extension SQLiteSessionStore {
    public func count() async throws -> Int {
        try await access("count") {
            try await self.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0 }
        }
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        let hexes = try await access("keys") {
            try await self.pool.read { db in
                try String.fetchAll(db, sql: "SELECT key FROM sessions LIMIT ?", arguments: [limit])
            }
        }
        return hexes.compactMap { SessionStorageKey(hex: $0) }
    }
}
