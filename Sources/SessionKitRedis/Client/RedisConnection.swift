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
/// pending request and closes the channel; so does the channel closing, and a command left
/// unanswered for `commandTimeout` (whatever the connection delivers after that could not be
/// trusted to be in step).
///
/// Timeouts cost one timer per connection, not one per command: the timer is armed for the
/// oldest pending command's deadline and, when it fires with that command answered, re-armed
/// for the next oldest.
final class RedisCommandHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private var parser: RESPParser
    private var pending = CircularBuffer<(promise: EventLoopPromise<RESPValue>, deadline: NIODeadline)>(initialCapacity: 16)
    private var failure: RedisError?
    private let commandTimeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(limits: RESPLimits, commandTimeout: TimeAmount) {
        self.parser = RESPParser(limits: limits)
        self.commandTimeout = commandTimeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.promise.fail(failure)
            promise?.fail(failure)
            return
        }
        let deadline = context.eventLoop.now + commandTimeout
        pending.append((request.promise, deadline))
        if timer == nil { armTimer(for: deadline, context: context) }
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    private func armTimer(for deadline: NIODeadline, context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.timer = nil
            guard let oldest = handler.pending.first else { return }
            if oldest.deadline <= context.eventLoop.now {
                handler.failAll(.timeout, context: context)
            } else {
                handler.armTimer(for: oldest.deadline, context: context)
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        parser.append(unwrapInboundIn(data))
        do {
            while let reply = try parser.next() {
                guard let request = pending.popFirst() else {
                    failAll(.protocolViolation("a reply nobody asked for"), context: context)
                    return
                }
                request.promise.succeed(reply)
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
        timer?.cancel()
        timer = nil
        while let request = pending.popFirst() { request.promise.fail(error) }
        context?.close(promise: nil)
    }
}

/// One TCP connection to Redis, ready for commands (authenticated, database selected).
final class RedisConnection: Sendable {
    let channel: any Channel
    let commandTimeout: Duration
    /// Commands sent and not yet answered (the pool picks the least busy connection).
    private let inFlight = Atomic<Int>(0)

    /// A flush is queued on the event loop (see `send(pipeline:)`).
    private let flushScheduled: NIOLoopBoundBox<Bool>

    private init(channel: any Channel, commandTimeout: Duration) {
        self.channel = channel
        self.flushScheduled = .makeBoxSendingValue(false, eventLoop: channel.eventLoop)
        self.commandTimeout = commandTimeout
    }

    var isActive: Bool { channel.isActive }
    var load: Int { inFlight.load(ordering: .relaxed) }

    /// Connects, then sends `AUTH` and `SELECT` as needed (pipelined) and checks their replies.
    static func connect(
        _ configuration: RedisConfiguration, group: any EventLoopGroup
    ) async throws(RedisError) -> RedisConnection {
        let limits = configuration.limits
        let commandTimeout = TimeAmount.nanoseconds(configuration.commandTimeout.nanoseconds)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.nanoseconds(Int64(configuration.connectTimeout.nanoseconds)))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            RedisCommandHandler(limits: limits, commandTimeout: commandTimeout))
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
        let channel = self.channel
        let loop = channel.eventLoop
        var requests: [RedisRequest] = []
        requests.reserveCapacity(commands.count)
        for command in commands {
            var bytes = channel.allocator.buffer(capacity: 64)
            RESPEncoder.encode(command, into: &bytes)
            requests.append(RedisRequest(bytes: bytes, promise: loop.makePromise(of: RESPValue.self)))
        }
        inFlight.add(commands.count, ordering: .relaxed)
        defer { inFlight.subtract(commands.count, ordering: .relaxed) }
        let batch = requests
        // One hop onto the event loop writes the batch; the handler times the replies out. The
        // flush goes in a task queued behind the writes already waiting for the loop, so the
        // commands of concurrent requests leave in one write (and Redis answers them in one).
        let flushScheduled = self.flushScheduled
        loop.execute {
            // A channel already closed never reaches the handler: fail the replies here.
            guard channel.isActive else {
                for request in batch { request.promise.fail(RedisError.connectionClosed) }
                return
            }
            let pipeline = channel.pipeline.syncOperations
            for request in batch { pipeline.write(NIOAny(request), promise: nil) }
            if !flushScheduled.value {
                flushScheduled.value = true
                loop.execute {
                    flushScheduled.value = false
                    channel.flush()
                }
            }
        }
        var replies: [RESPValue] = []
        replies.reserveCapacity(requests.count)
        for request in requests {
            do {
                replies.append(try await request.promise.futureResult.get())
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
