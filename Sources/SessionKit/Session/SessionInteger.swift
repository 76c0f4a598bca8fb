/// An integer of arbitrary size, as Python has them.
///
/// Values that fit in `Int` are stored as `Int`; larger ones keep their canonical decimal text
/// (no leading zeros, `-` only for negatives), which is all a session needs: they are carried,
/// compared and written back, never computed with.
public struct SessionInteger: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline enum Storage: Sendable, Hashable {
        case small(Int)
        case big(String)
    }

    @usableFromInline let storage: Storage

    @inlinable public init(_ value: Int) { self.storage = .small(value) }

    /// Parses a JSON integer literal: optional `-`, then digits. Returns nil for anything else.
    public init?(decimal text: some StringProtocol) {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Canonical form: strip leading zeros; "-0" is 0.
        let digits = utf8.drop(while: { $0 == 0x30 })
        if digits.isEmpty {
            self.storage = .small(0)
            return
        }
        let canonical = (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
        if let small = Int(canonical) {
            self.storage = .small(small)
        } else {
            self.storage = .big(canonical)
        }
    }

    /// The value as `Int`, or nil when it does not fit.
    @inlinable public var intValue: Int? {
        if case .small(let v) = storage { return v }
        return nil
    }

    /// Canonical decimal text, exactly as Python's `repr(int)`.
    public var description: String {
        switch storage {
        case .small(let v): return String(v)
        case .big(let s): return s
        }
    }
}

extension SessionInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
