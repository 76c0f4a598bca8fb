import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `body` on a new POSIX thread whose stack is exactly `stackSize` bytes (a multiple of the
/// page size, at least `PTHREAD_STACK_MIN`) and waits for it: code that recursed on its input's
/// depth would overflow there (the process crashes) long before it could on an ordinary 8 MB
/// thread.
func onSmallStack<R: Sendable>(_ stackSize: Int, _ body: @escaping @Sendable () -> R) -> R {
    let result = ResultBox<R>()
    let job = StackJob { result.value.withLock { $0 = body() } }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    precondition(pthread_attr_setstacksize(&attributes, stackSize) == 0, "bad stack size \(stackSize)")
    #if canImport(Glibc)
        var thread = pthread_t()
    #else
        var thread: pthread_t?
    #endif
    let context = Unmanaged.passRetained(job).toOpaque()
    let created = pthread_create(&thread, &attributes, { context in
        Unmanaged<StackJob>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context)
    precondition(created == 0, "pthread_create failed: \(created)")
    #if canImport(Glibc)
        pthread_join(thread, nil)
    #else
        pthread_join(thread!, nil)
    #endif
    return result.value.withLock { $0! }
}

/// Carries the result back from the thread.
private final class ResultBox<R: Sendable>: Sendable {
    let value = Mutex<R?>(nil)
}

/// The thread's work, handed over as its C context.
private final class StackJob: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
