import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A small pool of pipelined Redis connections, with the typed commands `RedisSessionStore` needs.
///
/// - Pipelining: a command goes on the least busy open connection at once, without waiting for
///   the replies of commands already in flight there; RESP answers in order, so replies are
///   matched to commands FIFO. At most `maxConnections` are opened, and a new one only when all
///   open ones are busy.
/// - Failures: a connection that closes, times out or breaks the protocol fails what is in flight
///   on it and leaves the pool. Connecting is retried on demand with exponential backoff
///   (`reconnectBackoff`); during the backoff commands fail at once with the last connect error,
///   so an outage does not pile up requests, and the first command after it reconnects.
/// - Logs a warning when Redis becomes unreachable and a notice when it is back (no data, no keys).
actor RedisClient {
    nonisolated let configuration: RedisConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger

    private var connections: [RedisConnection] = [] {
        didSet { ready.withLock { $0 = connections } }
    }
    /// `connections`, readable without a hop onto the actor: commands pick a connection here
    /// when the choice needs no connecting (see `readyConnection`).
    private nonisolated let ready = Mutex<[RedisConnection]>([])
    private var connecting: Task<RedisConnection, any Error>?
    private var failures = 0
    private var retryAt: ContinuousClock.Instant?
    private var lastError: RedisError?
    private var isShutDown = false

    init(
        configuration: RedisConfiguration, logger: Logger = Logger(label: "SessionKitRedis"),
        eventLoopGroup: (any EventLoopGroup)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
    }

    deinit {
        for connection in connections { connection.close() }
    }

    /// Open connections (tests).
    var openConnections: Int { connections.filter(\.isActive).count }

    /// Closes every connection; later commands fail with `.shutDown`.
    func shutdown() {
        isShutDown = true
        connecting?.cancel()
        for connection in connections { connection.close() }
        connections.removeAll()
    }

    // MARK: Connections

    /// A connection to send on: an idle one, else a new one (while under the limit), else the
    /// least busy.
    func connection() async throws(RedisError) -> RedisConnection {
        if isShutDown { throw .shutDown }
        connections.removeAll { !$0.isActive }
        if let idle = connections.first(where: { $0.load == 0 }) { return idle }
        if connections.count < configuration.maxConnections, connecting == nil, !inBackoff {
            let task = startConnecting()
            if connections.isEmpty { return try await awaitConnect(task) }
        }
        if let busiest = connections.min(by: { $0.load < $1.load }) { return busiest }
        if let task = connecting { return try await awaitConnect(task) }
        throw lastError ?? .connectFailed(configuration.endpoint)
    }

    /// `connection()`, without the actor hop when an open connection is idle, or when all are
    /// busy and the pool is full (the least busy one then); otherwise the actor decides.
    nonisolated func pickConnection() async throws(RedisError) -> RedisConnection {
        if let connection = readyConnection() { return connection }
        return try await connection()
    }

    private nonisolated func readyConnection() -> RedisConnection? {
        ready.withLock { list -> RedisConnection? in
            var best: RedisConnection?
            var open = 0
            for connection in list where connection.isActive {
                let load = connection.load
                if load == 0 { return connection }
                open += 1
                if best == nil || load < best!.load { best = connection }
            }
            return open >= configuration.maxConnections ? best : nil
        }
    }

    private var inBackoff: Bool {
        guard let retryAt else { return false }
        return ContinuousClock.now < retryAt
    }

    private func startConnecting() -> Task<RedisConnection, any Error> {
        let configuration = self.configuration
        let group = self.group
        let task = Task { try await RedisConnection.connect(configuration, group: group) }
        connecting = task
        Task { await self.finishConnecting(task) }
        return task
    }

    private func finishConnecting(_ task: Task<RedisConnection, any Error>) async {
        let result = await task.result
        guard connecting == task else { return }
        connecting = nil
        switch result {
        case .success(let connection):
            if isShutDown {
                connection.close()
                return
            }
            if failures > 0 {
                logger.notice("Redis at \(configuration.endpoint) is reachable again")
            }
            failures = 0
            retryAt = nil
            lastError = nil
            connections.append(connection)
        case .failure(let error):
            let redisError = error as? RedisError ?? .connectFailed("\(configuration.endpoint): \(error)")
            failures += 1
            lastError = redisError
            let low = configuration.reconnectBackoff.lowerBound
            let high = configuration.reconnectBackoff.upperBound
            let delay = min(high, low * (1 << min(failures - 1, 20)))
            retryAt = ContinuousClock.now + delay
            if failures == 1 {
                logger.warning("Redis unavailable: \(redisError); retrying with backoff")
            } else {
                logger.debug("Redis still unavailable: \(redisError); next attempt in \(delay)")
            }
        }
    }

    private func awaitConnect(_ task: Task<RedisConnection, any Error>) async throws(RedisError) -> RedisConnection {
        let result = await task.result
        await finishConnecting(task)
        switch result {
        case .success(let connection): return connection
        case .failure(let error as RedisError): throw error
        case .failure(let error): throw .connectFailed("\(configuration.endpoint): \(error)")
        }
    }

    // MARK: Sending

    /// Sends one command; an error reply is thrown as `RedisError.server`.
    nonisolated func command(_ arguments: [RESPArgument]) async throws(RedisError) -> RESPValue {
        let connection = try await pickConnection()
        let reply = try await connection.send(arguments)
        if case .error(let text) = reply { throw .server(text) }
        return reply
    }

    /// Sends commands pipelined on one connection; replies (error replies as `.error` values) in order.
    nonisolated func pipeline(_ commands: [[RESPArgument]]) async throws(RedisError) -> [RESPValue] {
        let connection = try await pickConnection()
        return try await connection.send(pipeline: commands)
    }

    // MARK: Typed commands

    nonisolated func ping() async throws(RedisError) {
        let reply = try await command(["PING"])
        guard case .simpleString("PONG") = reply else { throw .unexpectedReply("PING answered \(reply.kind)") }
    }

    /// `DEL key`: how many keys were removed.
    @discardableResult
    nonisolated func del(_ key: String) async throws(RedisError) -> Int {
        try await command(["DEL", .string(key)]).int()
    }

    /// `PTTL key`: milliseconds to live; -1 no expiry, -2 no key.
    nonisolated func pttl(_ key: String) async throws(RedisError) -> Int64 {
        try await command(["PTTL", .string(key)]).int64()
    }

    /// `HGETALL key`: field/value pairs (none when the key is missing).
    nonisolated func hgetall(_ key: String) async throws(RedisError) -> [(field: [UInt8], value: [UInt8])] {
        try await command(["HGETALL", .string(key)]).pairs()
    }

    /// `SCAN cursor MATCH pattern COUNT count`.
    nonisolated func scan(cursor: String, match: String, count: Int) async throws(RedisError) -> (cursor: String, keys: [[UInt8]]) {
        let reply = try await command(["SCAN", .string(cursor), "MATCH", .string(match), "COUNT", RESPArgument(count)])
        guard case .array(let parts?) = reply, parts.count == 2, case .bulkString(let next?) = parts[0],
            case .array(let keys?) = parts[1]
        else { throw .unexpectedReply("SCAN answered \(reply.kind)") }
        var out: [[UInt8]] = []
        for key in keys {
            guard case .bulkString(let bytes?) = key else { throw .unexpectedReply("SCAN key \(key.kind)") }
            out.append(bytes)
        }
        return (String(decoding: next, as: UTF8.self), out)
    }

    /// Runs `script` by `EVALSHA`; when the server does not know it (first use, or Redis restarted
    /// or flushed its script cache) falls back to `EVAL`, which caches it again.
    nonisolated func evaluate(_ script: RedisScript, keys: [String], arguments: [RESPArgument]) async throws(RedisError) -> RESPValue {
        let tail: [RESPArgument] = [RESPArgument(keys.count)] + keys.map { .string($0) } + arguments
        do throws(RedisError) {
            return try await command(["EVALSHA", .string(script.sha1)] + tail)
        } catch .server(let text) where text.hasPrefix("NOSCRIPT") {
            return try await command(["EVAL", .string(script.source)] + tail)
        }
    }

    /// `SCRIPT LOAD`: the SHA-1 the server computed.
    nonisolated func scriptLoad(_ source: String) async throws(RedisError) -> String {
        let reply = try await command(["SCRIPT", "LOAD", .string(source)])
        guard case .bulkString(let sha?) = reply else { throw .unexpectedReply("SCRIPT LOAD answered \(reply.kind)") }
        return String(decoding: sha, as: UTF8.self)
    }
}

/// A Lua script and its SHA-1 (computed once, client-side, for `EVALSHA`).
struct RedisScript: Sendable {
    let source: String
    let sha1: String
}

extension RESPValue {
    var kind: String {
        switch self {
        case .simpleString: return "a simple string"
        case .error: return "an error"
        case .integer: return "an integer"
        case .bulkString(nil): return "a null bulk string"
        case .bulkString: return "a bulk string"
        case .array(nil): return "a null array"
        case .array: return "an array"
        }
    }

    func int64() throws(RedisError) -> Int64 {
        guard case .integer(let n) = self else { throw .unexpectedReply("expected an integer, got \(kind)") }
        return n
    }

    func int() throws(RedisError) -> Int { Int(try int64()) }

    /// A flat array of field, value, field, value… (`HGETALL`, and our scripts' replies).
    func pairs() throws(RedisError) -> [(field: [UInt8], value: [UInt8])] {
        guard case .array(let items?) = self, items.count % 2 == 0 else {
            throw .unexpectedReply("expected field/value pairs, got \(kind)")
        }
        var out: [(field: [UInt8], value: [UInt8])] = []
        out.reserveCapacity(items.count / 2)
        var i = 0
        while i < items.count {
            guard case .bulkString(let f?) = items[i], case .bulkString(let v?) = items[i + 1] else {
                throw .unexpectedReply("expected bulk strings in field/value pairs")
            }
            out.append((f, v))
            i += 2
        }
        return out
    }
}
