/// Why a tagged-JSON payload could not be decoded (Flask: `BadPayload`).
public struct TaggedJSONError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Byte offset into the input where the problem was found, when there is one.
    public let offset: Int?

    init(message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        if let offset { return "\(message) (at byte \(offset))" }
        return message
    }
}

extension TaggedJSON {
    /// Parses JSON with Python `json.loads`' leniencies (`NaN`, `Infinity`, `-Infinity`;
    /// duplicate keys, last wins; raw UTF-8 in strings), then untags bottom-up as Flask does.
    ///
    /// Throws on anything Flask would fail the payload for: invalid JSON or UTF-8, lone surrogate
    /// escapes (unrepresentable in `String`), bad `" b"` base64 (Python's rules: padding required,
    /// characters outside `A-Za-z0-9+/` skipped), a bad `" u"`, a `" t"`/`" di"` whose content
    /// cannot be converted, integers over Python's 4300-digit limit, or nesting deeper than
    /// `maxDepth` containers (iterative parser: never a stack overflow). An unparsable `" d"`
    /// date gives `.null`, as in Flask.
    public static func decode(
        _ bytes: some Collection<UInt8>, maxDepth: Int = 128
    ) throws(TaggedJSONError) -> SessionValue {
        try parse(bytes, maxDepth: maxDepth, tagged: true)
    }

    /// Plain JSON without tag interpretation (for tools that want to show the raw payload).
    static func decodeUntagged(
        _ bytes: some Collection<UInt8>, maxDepth: Int = 128
    ) throws(TaggedJSONError) -> SessionValue {
        try parse(bytes, maxDepth: maxDepth, tagged: false)
    }

    static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int, tagged: Bool
    ) throws(TaggedJSONError) -> SessionValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            run(buffer, maxDepth: maxDepth, tagged: tagged)
        }
        let result = contiguous ?? Array(bytes).withUnsafeBufferPointer { buffer in
            run(buffer, maxDepth: maxDepth, tagged: tagged)
        }
        return try result.get()
    }

    private static func run(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, tagged: Bool
    ) -> Result<SessionValue, TaggedJSONError> {
        var parser = TaggedJSONParser(input: buffer, maxDepth: maxDepth, tagged: tagged)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
