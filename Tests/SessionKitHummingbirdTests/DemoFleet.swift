import Foundation
import Synchronization
import Testing

/// Several `session-demo` processes on one store, each of which can be killed with SIGKILL and
/// restarted (on a new port) while clients talk to the others.
final class DemoFleet: Sendable {
    struct Slot {
        var child: FlaskChild?
        var port: Int?
    }

    let key: String
    let arguments: [String]
    private let slots: Mutex<[Slot]>
    /// Kills so far.
    let kills = Atomic<Int>(0)

    init(key: String, arguments: [String], size: Int) {
        self.key = key
        self.arguments = arguments
        self.slots = Mutex(Array(repeating: Slot(), count: size))
    }

    var size: Int { slots.withLock { $0.count } }

    /// Starts every slot's process.
    func startAll() async throws {
        for index in 0..<size { try await start(index) }
    }

    func start(_ index: Int) async throws {
        let (child, port) = try await DemoProcessTests.launchDemo(key: key, arguments: arguments)
        slots.withLock { $0[index] = Slot(child: child, port: port) }
    }

    /// The port of slot `index`'s process, nil while it is down.
    func port(_ index: Int) -> Int? { slots.withLock { $0[index].port } }

    /// The slots whose process is up.
    var upSlots: [Int] { slots.withLock { slots in slots.indices.filter { slots[$0].port != nil } } }

    /// SIGKILL slot `index`'s process (no cleanup of any kind) and marks it down.
    func kill(_ index: Int) {
        let child = slots.withLock { slots -> FlaskChild? in
            defer { slots[index] = Slot() }
            return slots[index].child
        }
        child?.kill9()
        kills.add(1, ordering: .relaxed)
    }

    /// SIGKILL for all, at once.
    func killAll() {
        for index in 0..<size { kill(index) }
    }

    /// What the processes wrote to stderr (for a failure's message).
    var stderr: String {
        slots.withLock { $0.compactMap { $0.child?.stderr.suffix(400) }.joined(separator: "\n") }
    }
}
