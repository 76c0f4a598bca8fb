import NIOCore

/// One RESP2 reply.
enum RESPValue: Sendable, Equatable {
    /// `+OK`
    case simpleString(String)
    /// `-ERR …`: the server's text (kept as a value; `RedisError.server` is its thrown form).
    case error(String)
    /// `:42`
    case integer(Int64)
    /// `$n` … ; nil for the null bulk string `$-1`.
    case bulkString([UInt8]?)
    /// `*n` … ; nil for the null array `*-1`.
    case array([RESPValue]?)
}

/// A reply that breaks RESP2 or our limits. The connection it came on is closed.
struct RESPProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { "Redis protocol violation: \(message)" }
}

/// Incremental RESP2 reply parser: feed it bytes as they arrive and take complete replies out.
///
/// A reply is parsed from the start of the buffered bytes; when it is incomplete the parser
/// remembers how many bytes it needs at least (e.g. the end of a declared bulk string) and does
/// not retry before they are there, so a large reply arriving in many small packets is not
/// re-parsed for each one. Recursion depth is bounded by `limits.maxDepth`.
struct RESPParser {
    let limits: RESPLimits
    private(set) var buffer: ByteBuffer
    /// Do not try to parse before the buffer holds this many readable bytes.
    private var needed = 1

    init(limits: RESPLimits = RESPLimits()) {
        self.limits = limits
        self.buffer = ByteBufferAllocator().buffer(capacity: 0)
    }

    mutating func append(_ bytes: ByteBuffer) {
        var bytes = bytes
        if buffer.readableBytes == 0 {
            buffer = bytes  // no copy for the common case
        } else {
            buffer.writeBuffer(&bytes)
        }
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.writeBytes(bytes)
    }

    /// The next complete reply, or nil when more bytes are needed.
    mutating func next() throws(RESPProtocolError) -> RESPValue? {
        guard buffer.readableBytes >= needed else { return nil }
        var index = buffer.readerIndex
        switch try parse(at: &index, depth: 0) {
        case .value(let v):
            buffer.moveReaderIndex(to: index)
            needed = 1
            if buffer.readableBytes == 0 { buffer.clear() } else if buffer.readerIndex > 1 << 16 {
                buffer.discardReadBytes()
            }
            return v
        case .incomplete(let atLeast):
            needed = max(1, atLeast - buffer.readerIndex)
            return nil
        }
    }

    private enum Step {
        case value(RESPValue)
        /// More bytes needed: at least up to this absolute writer position.
        case incomplete(Int)
    }

    /// Index just past the CRLF of the line starting at `start`, and the line's end; nil when
    /// the CRLF has not arrived.
    private func line(from start: Int) throws(RESPProtocolError) -> (end: Int, next: Int)? {
        let end = buffer.writerIndex
        let view = buffer.readableBytesView
        let base = buffer.readerIndex
        var i = start
        while i < end {
            if i - start > limits.maxLineLength + 1 { throw RESPProtocolError("line longer than \(limits.maxLineLength) bytes") }
            let b = view[view.startIndex + (i - base)]
            if b == UInt8(ascii: "\r") {
                guard i + 1 < end else { return nil }
                guard view[view.startIndex + (i + 1 - base)] == UInt8(ascii: "\n") else {
                    throw RESPProtocolError("CR not followed by LF")
                }
                if i - start > limits.maxLineLength { throw RESPProtocolError("line longer than \(limits.maxLineLength) bytes") }
                return (i, i + 2)
            }
            if b == UInt8(ascii: "\n") { throw RESPProtocolError("LF without CR") }
            i += 1
        }
        return nil
    }

    private func bytes(_ from: Int, _ to: Int) -> [UInt8] {
        buffer.getBytes(at: from, length: to - from) ?? []
    }

    /// A signed decimal integer, strictly: optional '-', 1 to 19 digits, no overflow.
    private func integer(_ from: Int, _ to: Int) throws(RESPProtocolError) -> Int64 {
        let digits = bytes(from, to)
        var i = 0
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        guard i < digits.count, digits.count - i <= 19 else { throw RESPProtocolError("bad integer") }
        var value: Int64 = 0
        while i < digits.count {
            let d = digits[i]
            guard d >= 0x30, d <= 0x39 else { throw RESPProtocolError("bad integer") }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d - 0x30)) : m.addingReportingOverflow(Int64(d - 0x30))
            guard !o1, !o2 else { throw RESPProtocolError("integer out of range") }
            value = s
            i += 1
        }
        return value
    }

    private func parse(at index: inout Int, depth: Int) throws(RESPProtocolError) -> Step {
        guard index < buffer.writerIndex else { return .incomplete(index + 1) }
        let type = buffer.getInteger(at: index, as: UInt8.self)!
        guard let header = try line(from: index + 1) else {
            return .incomplete(max(buffer.writerIndex + 1, index + 3))
        }
        let (lineEnd, next) = (header.end, header.next)
        switch type {
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let text = String(decoding: bytes(index + 1, lineEnd), as: UTF8.self)
            index = next
            return .value(type == UInt8(ascii: "+") ? .simpleString(text) : .error(text))
        case UInt8(ascii: ":"):
            let n = try integer(index + 1, lineEnd)
            index = next
            return .value(.integer(n))
        case UInt8(ascii: "$"):
            let n = try integer(index + 1, lineEnd)
            if n == -1 {
                index = next
                return .value(.bulkString(nil))
            }
            guard n >= 0 else { throw RESPProtocolError("negative bulk length") }
            guard n <= limits.maxBulkLength else {
                throw RESPProtocolError("bulk string of \(n) bytes over the \(limits.maxBulkLength)-byte limit")
            }
            let end = next + Int(n)
            guard end + 2 <= buffer.writerIndex else { return .incomplete(end + 2) }
            guard buffer.getInteger(at: end, as: UInt8.self) == UInt8(ascii: "\r"),
                buffer.getInteger(at: end + 1, as: UInt8.self) == UInt8(ascii: "\n")
            else { throw RESPProtocolError("bulk string not terminated by CRLF") }
            let value = bytes(next, end)
            index = end + 2
            return .value(.bulkString(value))
        case UInt8(ascii: "*"):
            let n = try integer(index + 1, lineEnd)
            if n == -1 {
                index = next
                return .value(.array(nil))
            }
            guard n >= 0 else { throw RESPProtocolError("negative array count") }
            guard n <= limits.maxArrayCount else {
                throw RESPProtocolError("array of \(n) elements over the \(limits.maxArrayCount)-element limit")
            }
            guard depth < limits.maxDepth else { throw RESPProtocolError("arrays nested deeper than \(limits.maxDepth)") }
            var elements: [RESPValue] = []
            // Never trust the declared count for allocation: elements are appended as they parse.
            elements.reserveCapacity(min(Int(n), 64))
            var i = next
            for _ in 0..<n {
                switch try parse(at: &i, depth: depth + 1) {
                case .value(let v): elements.append(v)
                case .incomplete(let atLeast): return .incomplete(atLeast)
                }
            }
            index = i
            return .value(.array(elements))
        default:
            throw RESPProtocolError("unknown reply type byte 0x\(String(type, radix: 16))")
        }
    }
}

/// Encodes commands as RESP arrays of bulk strings.
enum RESPEncoder {
    static func encode(_ arguments: [RESPArgument], into buffer: inout ByteBuffer) {
        buffer.writeStaticString("*")
        buffer.writeString(String(arguments.count))
        buffer.writeStaticString("\r\n")
        for argument in arguments {
            buffer.writeStaticString("$")
            switch argument {
            case .bytes(let b):
                buffer.writeString(String(b.count))
                buffer.writeStaticString("\r\n")
                buffer.writeBytes(b)
            case .string(let s):
                buffer.writeString(String(s.utf8.count))
                buffer.writeStaticString("\r\n")
                buffer.writeString(s)
            }
            buffer.writeStaticString("\r\n")
        }
    }
}

/// One argument of a command: binary-safe.
enum RESPArgument: Sendable, ExpressibleByStringLiteral {
    case string(String)
    case bytes([UInt8])

    init(stringLiteral value: String) { self = .string(value) }
    init(_ value: some BinaryInteger) { self = .string(String(value)) }
}
