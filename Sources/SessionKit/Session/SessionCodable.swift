import Foundation

extension Session {
    /// Stores an `Encodable` app value (as the JSON that `JSONEncoder` makes of it).
    public func set<T: Encodable>(_ key: String, encoding value: T) throws {
        let data = try JSONEncoder().encode(value)
        self[key] = try TaggedJSON.decodeUntagged(data)
    }

    /// Reads a `Decodable` app value; nil when the key is absent, an error when it does not decode.
    public func get<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T? {
        guard let value = self[key] else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(TaggedJSON.encode(value)))
    }
}
