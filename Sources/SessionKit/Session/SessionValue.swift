import struct Foundation.Date
import struct Foundation.UUID

/// A value that can live in a session: JSON plus Flask's tagged types.
///
/// Everything Flask's `TaggedJSONSerializer` can put in a cookie round-trips through this type
/// byte for byte: integers of any size, doubles (written as Python's `repr`), tuples, bytes,
/// UUIDs, datetimes (UTC, whole seconds) and MarkupSafe `Markup` strings.
public enum SessionValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integer of arbitrary size (Python ints are unbounded).
    case int(SessionInteger)
    /// A double; distinct from `.int` (`1` and `1.0` are different values on the wire).
    case double(Double)
    case string(String)
    case array([SessionValue])
    case object(SessionObject)
    /// Python `tuple`, tagged `" t"`.
    case tuple([SessionValue])
    /// Python `bytes`, tagged `" b"`.
    case bytes([UInt8])
    /// Python `uuid.UUID`, tagged `" u"`.
    case uuid(UUID)
    /// Python aware `datetime`, tagged `" d"`; whole seconds, UTC on the wire.
    case date(Date)
    /// MarkupSafe `Markup` (an HTML-safe string), tagged `" m"`.
    case markup(String)
}

extension SessionValue {
    public static func int(_ value: Int) -> SessionValue { .int(SessionInteger(value)) }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer if it is one and fits in `Int`.
    public var intValue: Int? {
        if case .int(let i) = self { return i.intValue }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return i.intValue.map(Double.init)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [SessionValue]? {
        switch self {
        case .array(let a), .tuple(let a): return a
        default: return nil
        }
    }

    public var objectValue: SessionObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SessionValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension SessionValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(SessionInteger(value)) }
}

extension SessionValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension SessionValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension SessionValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: SessionValue...) { self = .array(elements) }
}

extension SessionValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, SessionValue)...) {
        self = .object(SessionObject(elements, uniquingKeysWith: { _, last in last }))
    }
}
