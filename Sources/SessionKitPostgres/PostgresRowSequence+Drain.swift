import PostgresNIO

extension PostgresRowSequence {
    /// Reads the whole result (so the connection is free for the next statement); returns the
    /// number of rows.
    @discardableResult
    func drain() async throws -> Int {
        var n = 0
        for try await _ in self { n += 1 }
        return n
    }

    /// The first column of the last row (of a one-row, one-column result), or nil when there is
    /// no row; reads the whole result.
    func value<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T? {
        var last: T?
        for try await value in decode(T.self) { last = value }
        return last
    }
}
