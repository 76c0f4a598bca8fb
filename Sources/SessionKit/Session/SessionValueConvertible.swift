import struct Foundation.Date
import struct Foundation.UUID

/// A Swift type that converts to and from a `SessionValue`.
public protocol SessionValueConvertible {
    init?(sessionValue: SessionValue)
    var sessionValue: SessionValue { get }
}

extension SessionValue: SessionValueConvertible {
    public init?(sessionValue: SessionValue) { self = sessionValue }
    public var sessionValue: SessionValue { self }
}

extension String: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        switch sessionValue {
        case .string(let s), .markup(let s): self = s
        default: return nil
        }
    }
    public var sessionValue: SessionValue { .string(self) }
}

extension Int: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard let v = sessionValue.intValue else { return nil }
        self = v
    }
    public var sessionValue: SessionValue { .int(SessionInteger(self)) }
}

extension Double: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard let v = sessionValue.doubleValue else { return nil }
        self = v
    }
    public var sessionValue: SessionValue { .double(self) }
}

extension Bool: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard let v = sessionValue.boolValue else { return nil }
        self = v
    }
    public var sessionValue: SessionValue { .bool(self) }
}

extension UUID: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard case .uuid(let u) = sessionValue else { return nil }
        self = u
    }
    public var sessionValue: SessionValue { .uuid(self) }
}

extension Date: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard case .date(let d) = sessionValue else { return nil }
        self = d
    }
    public var sessionValue: SessionValue { .date(self) }
}

extension Array: SessionValueConvertible where Element: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        guard let items = sessionValue.arrayValue else { return nil }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let e = Element(sessionValue: item) else { return nil }
            out.append(e)
        }
        self = out
    }
    public var sessionValue: SessionValue { .array(map(\.sessionValue)) }
}

extension Optional: SessionValueConvertible where Wrapped: SessionValueConvertible {
    public init?(sessionValue: SessionValue) {
        if case .null = sessionValue {
            self = .none
        } else if let w = Wrapped(sessionValue: sessionValue) {
            self = .some(w)
        } else {
            return nil
        }
    }
    public var sessionValue: SessionValue { self?.sessionValue ?? .null }
}
