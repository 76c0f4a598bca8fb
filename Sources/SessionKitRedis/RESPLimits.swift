/// Limits on what the reply parser accepts. A declared length over a limit is a protocol
/// violation detected from the header alone: nothing of that size is ever allocated.
public struct RESPLimits: Sendable, Equatable {
    /// Largest bulk string, in bytes.
    public var maxBulkLength: Int
    /// Most elements of one array.
    public var maxArrayCount: Int
    /// Deepest nesting of arrays (1: a flat array).
    public var maxDepth: Int
    /// Longest simple string, error or integer line, in bytes (without CRLF).
    public var maxLineLength: Int

    public init(
        maxBulkLength: Int = 64 << 20, maxArrayCount: Int = 1 << 20, maxDepth: Int = 8,
        maxLineLength: Int = 16 << 10
    ) {
        self.maxBulkLength = maxBulkLength
        self.maxArrayCount = maxArrayCount
        self.maxDepth = maxDepth
        self.maxLineLength = maxLineLength
    }
}
