import struct Foundation.Date

/// Where the engine reads the time: the system clock, or a fixed or stepping one in tests.
public struct SessionClock: Sendable {
    /// Seconds since the Unix epoch.
    public let now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) { self.now = now }

    public static let system = SessionClock { Date().timeIntervalSince1970 }

    public static func fixed(_ unixSeconds: Double) -> SessionClock { SessionClock { unixSeconds } }

    /// Whole seconds, floored (Python's `int(time.time())` for times after 1970).
    public var unixSeconds: Int64 { Int64(now().rounded(.down)) }
}
