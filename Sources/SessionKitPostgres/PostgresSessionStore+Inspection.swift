import PostgresNIO
public import SessionKit

// InspectableSessionStore: counting and listing the stored keys.
extension PostgresSessionStore {
    public func count() async throws -> Int {
        try await run("count") {
            try await self.ensureTable()
            let n = try await self.client.query("SELECT count(*) FROM \(unescaped: self.table.sql)", logger: self.logger)
                .value(Int64.self)
            return Int(n ?? 0)
        }
    }

    public func keys(limit: Int) async throws -> [SessionStorageKey] {
        guard limit > 0 else { return [] }
        return try await run("keys") {
            try await self.ensureTable()
            let rows = try await self.client.query(
                "SELECT id FROM \(unescaped: self.table.sql) LIMIT \(Int64(limit))", logger: self.logger)
            var keys: [SessionStorageKey] = []
            for try await id in rows.decode(String.self) {
                guard let key = SessionStorageKey(hex: id) else {
                    throw SessionStoreError(.corrupt, "a row's id is not a storage key")
                }
                keys.append(key)
            }
            return keys
        }
    }
}
