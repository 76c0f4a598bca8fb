import NIOCore
import NIOPosix
import Synchronization

/// A command on its way to the handler: its encoded bytes and the promise of its reply.
struct RedisRequest: Sendable {
    var bytes: ByteBuffer
    var promise: EventLoopPromise<RESPValue>
}

/// Writes requests and matches replies to them in order (RESP replies come in command order, so
/// a FIFO of promises is the whole pipelining protocol). A protocol violation fails every
/// pending request and closes the channel; so does the channel closing.
final class RedisCommandHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private var parser: RESPParser
    private var pending = CircularBuffer<EventLoopPromise<RESPValue>>(initialCapacity: 16)
    private var failure: RedisError?

    init(limits: RESPLimits) {
        self.parser = RESPParser(limits: limits)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.promise.fail(failure)
            promise?.fail(failure)
            return
        }
        pending.append(request.promise)
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        parser.append(unwrapInboundIn(data))
        do {
            while let reply = try parser.next() {
                guard let promise = pending.popFirst() else {
                    failAll(.protocolViolation("a reply nobody asked for"), context: context)
                    return
                }
                promise.succeed(reply)
            }
        } catch {
            failAll(.protocolViolation(error.message), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(.connectionClosed, context: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(.connectionClosed, context: context)
    }

    private func failAll(_ error: RedisError, context: ChannelHandlerContext?) {
        if failure == nil { failure = error }
        while let promise = pending.popFirst() { promise.fail(error) }
        context?.close(promise: nil)
    }
}

/// One TCP connection to Redis, ready for commands (authenticated, database selected).
final class RedisConnection: Sendable {
    let channel: any Channel
    let commandTimeout: Duration
    /// Commands sent and not yet answered (the pool picks the least busy connection).
    private let inFlight = Atomic<Int>(0)

    private init(channel: any Channel, commandTimeout: Duration) {
        self.channel = channel
        self.commandTimeout = commandTimeout
    }

    var isActive: Bool { channel.isActive }
    var load: Int { inFlight.load(ordering: .relaxed) }

    /// Connects, then sends `AUTH` and `SELECT` as needed (pipelined) and checks their replies.
    static func connect(
        _ configuration: RedisConfiguration, group: any EventLoopGroup
    ) async throws(RedisError) -> RedisConnection {
        let limits = configuration.limits
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.nanoseconds(Int64(configuration.connectTimeout.nanoseconds)))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RedisCommandHandler(limits: limits))
                    }
                }
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            throw .connectFailed("\(configuration.endpoint): \(error)")
        }
        let connection = RedisConnection(channel: channel, commandTimeout: configuration.commandTimeout)
        do throws(RedisError) {
            var handshake: [[RESPArgument]] = []
            if let password = configuration.password {
                if let user = configuration.username {
                    handshake.append(["AUTH", .string(user), .string(password)])
                } else {
                    handshake.append(["AUTH", .string(password)])
                }
            }
            if configuration.database != 0 { handshake.append(["SELECT", RESPArgument(configuration.database)]) }
            if handshake.isEmpty { handshake.append(["PING"]) }
            let replies = try await connection.send(pipeline: handshake)
            for (command, reply) in zip(handshake, replies) {
                guard case .error(let text) = reply else { continue }
                guard case .string(let name) = command[0] else { continue }
                throw RedisError.connectFailed("\(configuration.endpoint): \(name) failed: \(text)")
            }
        } catch {
            connection.close()
            if case .connectFailed = error { throw error }
            throw .connectFailed("\(configuration.endpoint): \(error)")
        }
        return connection
    }

    /// Sends one command; an error reply comes back as `.error` (see `RedisClient` for the
    /// typed, throwing layer).
    func send(_ arguments: [RESPArgument]) async throws(RedisError) -> RESPValue {
        try await send(pipeline: [arguments])[0]
    }

    /// Sends several commands in one write and returns their replies in order.
    func send(pipeline commands: [[RESPArgument]]) async throws(RedisError) -> [RESPValue] {
        let loop = channel.eventLoop
        var promises: [EventLoopPromise<RESPValue>] = []
        promises.reserveCapacity(commands.count)
        inFlight.add(commands.count, ordering: .relaxed)
        defer { inFlight.subtract(commands.count, ordering: .relaxed) }
        for (i, command) in commands.enumerated() {
            var bytes = channel.allocator.buffer(capacity: 64)
            RESPEncoder.encode(command, into: &bytes)
            let promise = loop.makePromise(of: RESPValue.self)
            promises.append(promise)
            let request = RedisRequest(bytes: bytes, promise: promise)
            // A channel already closed never reaches the handler: fail the reply here.
            let written = loop.makePromise(of: Void.self)
            written.futureResult.whenFailure { _ in promise.fail(RedisError.connectionClosed) }
            if i == commands.count - 1 {
                channel.writeAndFlush(request, promise: written)
            } else {
                channel.write(request, promise: written)
            }
        }
        // One timer for the batch. On expiry the unanswered commands fail with `.timeout` (a
        // promise completes once: a later reply or close changes nothing) and the connection is
        // closed, since whatever it delivers next could not be trusted to be in step.
        let channel = self.channel
        let batch = promises
        let timer = loop.scheduleTask(in: .nanoseconds(commandTimeout.nanoseconds)) {
            for promise in batch { promise.fail(RedisError.timeout) }
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        var replies: [RESPValue] = []
        replies.reserveCapacity(promises.count)
        for promise in promises {
            do {
                replies.append(try await promise.futureResult.get())
            } catch let error as RedisError {
                throw error
            } catch {
                throw .connectionClosed
            }
        }
        return replies
    }

    func close() {
        channel.close(promise: nil)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (s, a) = components
        return s * 1_000_000_000 + a / 1_000_000_000  // attoseconds → ns
    }
}
