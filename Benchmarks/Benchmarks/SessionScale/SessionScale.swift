import Foundation
import SessionKit
import SessionKitDirectory

/// `session-scale`: fills a memory store and a directory store with up to 1,000,000 sessions and
/// reports what the count costs: load and save latency (p50/p99/max) at 1k, 100k and 1M sessions,
/// memory (or disk) per session, and a full sweep of 1M expired sessions while "requests" (client
/// tasks doing load + save on live sessions, as a server's handlers do) keep running, with their
/// latency before and during the sweep. Run it with `scripts/bench-scale`.
///
/// Targets (issue 8): p99 at 1M <= 1.5 x p99 at 1k; the sweep never stalls a request for more
/// than 50 ms (the slowest request during the sweep).
@main
struct SessionScale {
    static func main() async throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        let pace = options.rate > 0 ? "\(options.rate) requests/s" : "back to back"
        say("session-scale: \(options.sessions) sessions, \(options.samples) timed operations per point, "
            + "\(options.clients) client tasks (\(pace)) before and during the sweep, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        if let reclaim = ColdPageReclaim.describe() {
            say("machine: \(reclaim)")
        }
        var summaries: [String] = []
        for store in options.stores {
            switch store {
            case "memory":
                let memory = MemorySessionStore(maxSessions: options.sessions + options.live + 1_000)
                summaries += try await run(ScaleSubject(name: "memory", store: memory, diskPath: nil), options)
            case "directory":
                let folder = options.directory ?? (NSTemporaryDirectory() + "sessionkit-scale-\(getpid())")
                try? FileManager.default.removeItem(atPath: folder)
                defer { if options.directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
                let directory = try DirectorySessionStore(
                    directory: folder, durability: options.fsync ? .syncEachSave : .noSync,
                    keys: SecretKeys(current: .generate()))
                summaries += try await run(
                    ScaleSubject(name: options.fsync ? "directory (fsync)" : "directory", store: directory, diskPath: folder),
                    options)
            default:
                throw ScaleError("unknown store \(store) (memory, directory)")
            }
        }
        say("\n## Targets\n")
        for line in summaries { say(line) }
    }

    static let t0: Int64 = 1_700_000_000
    /// The filled sessions expire at t0 + 1 h; the sweep runs at t0 + 2 h.
    static let ttl: Int64 = 3_600
    static let sweepTime = t0 + 2 * ttl
    /// The live sessions the sweep must leave alone.
    static let liveTTL: Int64 = 1_000_000

    static func typicalRecord(expiresAt: Int64) -> SessionRecord {
        let data: SessionObject = [
            "username": "admin", "csrf_token": .string(String(repeating: "a", count: 64)), "visits": 1,
        ]
        return SessionRecord(
            data: data, createdAt: t0, lastAccessAt: t0, absoluteDeadline: nil, expiresAt: expiresAt)
    }

    /// Fills, measures at each point, then sweeps; returns the target lines.
    static func run(_ subject: ScaleSubject, _ options: Options) async throws -> [String] {
        let store = subject.store
        say("\n## \(subject.name) store\n")
        let rssEmpty = ProcessMemory.residentBytes()
        let diskEmpty = subject.diskPath.map(DiskUsage.usedBytes)
        var keys: [SessionStorageKey] = []
        keys.reserveCapacity(options.sessions)
        var rows: [String] = []
        var p99s: [Int: (load: Duration, save: Duration)] = [:]
        var lastPointDiskReads = ""
        let points = [1_000, 100_000, 1_000_000].filter { $0 < options.sessions } + [options.sessions]
        for point in points {
            let fillStart = ContinuousClock.now
            let added = point - keys.count
            try await fill(store, count: added, into: &keys, workers: options.fillWorkers)
            let fillTime = ContinuousClock.now - fillStart
            if subject.diskPath != nil {
                // Measure the steady state, not the kernel writing back the fill's dirty pages
                // (gigabytes at 1M) behind the timed operations.
                sync()
            }
            let readBefore = ProcessIO.readBytes()
            let load = try await measure(options.samples, keys: keys) { key in
                guard try await store.load(key, now: t0) != nil else { throw ScaleError("a filled session did not load") }
            }
            let readAfterLoads = ProcessIO.readBytes()
            var visits = 0
            // As a request's save: a second or more after the session's last one, so it renews
            // the expiry (now + the idle timeout), each point at a later second than the last.
            let saveTime = t0 + Int64(rows.count + 1)
            let save = try await measure(options.samples, keys: keys) { key in
                visits += 1
                let changes = SessionChangeSet(
                    changes: [SessionChange(key: "visits", value: .int(visits))], now: saveTime,
                    expiresAt: saveTime + ttl)
                guard try await store.apply(changes, to: key) != nil else { throw ScaleError("a save found no session") }
            }
            let readAfterSaves = ProcessIO.readBytes()
            p99s[point] = (load.p99, save.p99)
            // Blocks this process had the kernel read from the device, per 1,000 timed operations:
            // what the page cache no longer held (0 for the memory store).
            func perThousand(_ bytes: Int64) -> String {
                String(format: "%.1f", Double(bytes) / 4096 / Double(options.samples) * 1_000)
            }
            let diskReads = "\(perThousand(readAfterLoads - readBefore)), \(perThousand(readAfterSaves - readAfterLoads))"
            if point == points.last { lastPointDiskReads = diskReads }
            var perSession = "\(Int(ProcessMemory.residentBytes() - rssEmpty) / point) B RSS"
            if let path = subject.diskPath, let before = diskEmpty {
                perSession = "\(Int(DiskUsage.usedBytes(path) - before) / point) B disk, " + perSession
            }
            let rate = Double(added) / max(fillTime.seconds, 1e-9)
            rows.append(
                "| \(point.formatted()) | \(load.p50.ms) | \(load.p99.ms) | \(load.max.ms) | \(save.p50.ms) | \(save.p99.ms) | "
                    + "\(save.max.ms) | \(diskReads) | \(perSession) | \(Int(rate).formatted())/s |")
            say("filled \(point.formatted()) sessions (\(Int(rate).formatted()) creates/s)")
        }
        say("\n| sessions | load p50 | load p99 | load max | save p50 | save p99 | save max | 4 KB blocks read from the device per 1k (load, save) | per session | fill rate |")
        say("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
        for row in rows { say(row) }

        // The sweep: every filled session is expired at `sweepTime`; `live` others are not, and
        // clients keep loading and saving them before and during the sweep.
        var live: [SessionStorageKey] = []
        for _ in 0..<options.live {
            let key = SessionID.generate().storageKey
            guard try await store.create(key, record: typicalRecord(expiresAt: sweepTime + liveTTL)) else {
                throw ScaleError("could not create a live session")
            }
            live.append(key)
        }
        let liveKeys = live
        let before = try await Clients.run(options.clients, rate: options.rate, store: store, keys: liveKeys, until: .seconds(options.baselineSeconds))
        let sweepOutcome = Shared<(removed: Int, time: Duration)?>(nil)
        let during = try await Clients.run(options.clients, rate: options.rate, store: store, keys: liveKeys, until: nil) {
            // What a periodic sweep does: calls of at most `batch` removals, yielding between.
            let start = ContinuousClock.now
            var removed = 0
            while true {
                let n = try await store.sweep(now: sweepTime, limit: options.sweepBatch)
                removed += n
                if n == 0 { break }
                await Task.yield()
            }
            sweepOutcome.set((removed, ContinuousClock.now - start))
        }
        guard let (removed, sweepDuration) = sweepOutcome.get() else { throw ScaleError("the sweep did not finish") }
        for key in liveKeys where try await store.load(key, now: Self.sweepTime) == nil {
            throw ScaleError("the sweep removed a live session")
        }
        guard removed == keys.count else {
            throw ScaleError("the sweep removed \(removed) sessions, expected \(keys.count)")
        }
        say("\nfull sweep of \(removed.formatted()) expired sessions (batches of \(options.sweepBatch)) while "
            + "\(options.clients) clients load and save \(liveKeys.count.formatted()) live ones (\(options.rate > 0 ? "\(options.rate)/s" : "back to back")): "
            + "\(String(format: "%.1f", sweepDuration.seconds)) s "
            + "(\(Int(Double(removed) / max(sweepDuration.seconds, 1e-9)).formatted()) removals/s)\n")
        say("| requests (load + save) | count | req/s | p50 | p99 | max |")
        say("|---|---:|---:|---:|---:|---:|")
        for (label, stats) in [("before the sweep", before), ("during the sweep", during)] {
            say("| \(label) | \(stats.count.formatted()) | \(Int(stats.rate).formatted()) | \(stats.p50.ms) | \(stats.p99.ms) | \(stats.max.ms) |")
        }

        var targets: [String] = []
        let small = points[0], large = points[points.count - 1]
        if let a = p99s[small], let b = p99s[large] {
            for (what, x, y) in [("load", a.load, b.load), ("save", a.save, b.save)] {
                let ratio = y.seconds / max(x.seconds, 1e-12)
                targets.append(
                    "- \(subject.name): \(what) p99 at \(large.formatted()) = \(String(format: "%.2f", ratio)) x p99 at "
                        + "\(small.formatted()) (\(y.ms) vs \(x.ms)); target <= 1.5 x: \(ratio <= 1.5 ? "met" : "MISSED")")
            }
            if subject.diskPath != nil {
                targets.append(
                    "- \(subject.name): blocks read from the device per 1,000 timed loads, saves at \(large.formatted()): "
                        + lastPointDiskReads)
            }
        }
        targets.append(
            "- \(subject.name): slowest request during the sweep \(during.max.ms) (p99 \(during.p99.ms)); "
                + "target <= 50 ms: \(during.max <= .milliseconds(50) ? "met" : "MISSED")")
        return targets
    }

    /// Creates `count` sessions with `workers` creates in flight, appending their keys.
    static func fill(_ store: any SessionStore, count: Int, into keys: inout [SessionStorageKey], workers: Int) async throws {
        let made = try await withThrowingTaskGroup(of: [SessionStorageKey].self) { group in
            let per = (count + workers - 1) / max(workers, 1)
            for w in 0..<workers {
                let n = max(0, min(per, count - w * per))
                group.addTask {
                    var mine: [SessionStorageKey] = []
                    mine.reserveCapacity(n)
                    for _ in 0..<n {
                        let key = SessionID.generate().storageKey
                        guard try await store.create(key, record: typicalRecord(expiresAt: t0 + ttl)) else {
                            throw ScaleError("create refused a fresh key")
                        }
                        mine.append(key)
                    }
                    return mine
                }
            }
            var all: [SessionStorageKey] = []
            for try await part in group { all += part }
            return all
        }
        keys += made
    }

    /// Times `samples` calls of `body`, each on a key drawn at random from `keys`.
    static func measure(
        _ samples: Int, keys: [SessionStorageKey], _ body: (SessionStorageKey) async throws -> Void
    ) async throws -> LatencyStats {
        var generator = SystemRandomNumberGenerator()
        var times: [Duration] = []
        times.reserveCapacity(samples)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<samples {
            let key = keys[Int.random(in: 0..<keys.count, using: &generator)]
            let t = clock.now
            try await body(key)
            times.append(clock.now - t)
        }
        return LatencyStats(times, elapsed: clock.now - start)
    }
}

/// A store under test and where it keeps its files (nil: in memory).
struct ScaleSubject {
    var name: String
    var store: any SweepableSessionStore
    var diskPath: String?
}

struct ScaleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Client tasks that each loop load + save of a random live session, timing each pair.
enum Clients {
    /// Runs `clients` loops for `duration`, or (with `alongside`) until `alongside` finishes;
    /// `rate` requests per second in all (0: as fast as they go).
    static func run(
        _ clients: Int, rate: Int, store: any SessionStore, keys: [SessionStorageKey], until duration: Duration? = nil,
        alongside: (@Sendable () async throws -> Void)? = nil
    ) async throws -> LatencyStats {
        let stop = Shared(false)
        let clock = ContinuousClock()
        let start = clock.now
        let times = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for c in 0..<clients {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    var times: [Duration] = []
                    var n = c
                    // Each client sends one request per `interval` (an open loop at `rate` per
                    // second across the clients, as a server's traffic comes), or back to back.
                    let interval: Duration = rate > 0 ? .nanoseconds(Int64(1e9 * Double(clients) / Double(rate))) : .zero
                    var due = clock.now + interval * c / clients
                    while !stop.get() {
                        if let duration, clock.now - start >= duration { break }
                        if interval > .zero {
                            if due > clock.now { try await Task.sleep(until: due, clock: clock) }
                            due += interval
                        }
                        let key = keys[Int.random(in: 0..<keys.count, using: &generator)]
                        let t = clock.now
                        guard let record = try await store.load(key, now: SessionScale.sweepTime) else {
                            throw ScaleError("a live session did not load during the sweep")
                        }
                        n += 1
                        var changes = SessionChangeSet(
                            changes: [SessionChange(key: "visits", value: .int(n))], now: SessionScale.sweepTime,
                            expiresAt: SessionScale.sweepTime + SessionScale.liveTTL)
                        changes.base = record
                        guard try await store.apply(changes, to: key) != nil else {
                            throw ScaleError("a live session's save found no session during the sweep")
                        }
                        times.append(clock.now - t)
                        // A server's handler suspends for its socket I/O; the memory store's
                        // calls never do, and a loop that never suspends would hold its thread.
                        if interval == .zero { await Task.yield() }
                    }
                    return times
                }
            }
            if let alongside {
                try await alongside()
                stop.set(true)
            }
            var all: [Duration] = []
            for try await part in group { all += part }
            return all
        }
        return LatencyStats(times, elapsed: clock.now - start)
    }
}

struct LatencyStats {
    var count: Int
    var p50: Duration
    var p99: Duration
    var max: Duration
    var rate: Double

    init(_ times: [Duration], elapsed: Duration) {
        let sorted = times.sorted()
        func at(_ q: Double) -> Duration {
            sorted.isEmpty ? .zero : sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * q))]
        }
        count = sorted.count
        p50 = at(0.50)
        p99 = at(0.99)
        max = sorted.last ?? .zero
        rate = Double(sorted.count) / Swift.max(elapsed.seconds, 1e-9)
    }
}

extension Duration {
    var seconds: Double {
        let (s, a) = components
        return Double(s) + Double(a) / 1e18
    }
    /// Microseconds with one decimal ("12.5 µs").
    var ms: String { String(format: "%.1f µs", seconds * 1_000_000) }
}

/// A lock-protected value shared by tasks.
final class Shared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

enum ProcessMemory {
    /// Resident set size from /proc/self/statm.
    static func residentBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }
}

enum ProcessIO {
    /// Bytes this process has had read from a storage device (`read_bytes` of /proc/self/io;
    /// page-cache hits are not in it). 0 where there is no such file.
    static func readBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("read_bytes:") {
            return Int64(line.dropFirst("read_bytes:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}

/// Proactive reclaim of cold page cache by the kernel's DAMON (`/sys/kernel/mm/damon/admin`): some
/// VMs (this project's machines among them) run a `pageout` scheme that evicts page-cache pages
/// left untouched for a minute or so, whatever memory is free. Then a directory store's files
/// that no request touched lately are read from the device again, which no store code can avoid.
enum ColdPageReclaim {
    /// A sentence on the running `pageout` schemes, or nil when there are none (or no DAMON).
    static func describe() -> String? {
        let root = "/sys/kernel/mm/damon/admin/kdamonds"
        func read(_ path: String) -> String? {
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let fm = FileManager.default
        var found: [String] = []
        for kdamond in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where Int(kdamond) != nil {
            guard read("\(root)/\(kdamond)/state") == "on" else { continue }
            let contexts = "\(root)/\(kdamond)/contexts"
            for context in (try? fm.contentsOfDirectory(atPath: contexts)) ?? [] where Int(context) != nil {
                let c = "\(contexts)/\(context)"
                let aggregation = Double(read("\(c)/monitoring_attrs/intervals/aggr_us") ?? "") ?? 0
                for scheme in (try? fm.contentsOfDirectory(atPath: "\(c)/schemes")) ?? [] where Int(scheme) != nil {
                    let s = "\(c)/schemes/\(scheme)"
                    guard read("\(s)/action") == "pageout" else { continue }
                    let minAge = Double(read("\(s)/access_pattern/age/min") ?? "") ?? 0
                    let quota = Double(read("\(s)/quotas/bytes") ?? "") ?? 0
                    let quotaInterval = Double(read("\(s)/quotas/reset_interval_ms") ?? "") ?? 0
                    let filters = "\(s)/ops_filters"
                    let sparesAnonymous = ((try? fm.contentsOfDirectory(atPath: filters)) ?? []).contains { f in
                        read("\(filters)/\(f)/type") == "anon" && read("\(filters)/\(f)/allow") == "N"
                    }
                    var line = (sparesAnonymous ? "page-cache pages" : "pages")
                        + String(format: " idle for %.0f s or more", minAge * aggregation / 1e6)
                    if quota > 0 && quotaInterval > 0 {
                        line += String(format: ", up to %.0f MB/s", quota / 1_048_576 / (quotaInterval / 1000))
                    }
                    found.append(line)
                }
            }
        }
        guard !found.isEmpty else { return nil }
        return "the kernel's DAMON pages out memory proactively (\(found.joined(separator: "; "))), "
            + "however much memory is free: at 1M sessions most of a directory store's "
            + "files have been idle longer than that, and their loads and saves read from the device"
    }
}

enum DiskUsage {
    /// Bytes in use on the filesystem holding `path` (statvfs; other writers on the same
    /// filesystem show up too, so keep the machine otherwise idle).
    static func usedBytes(_ path: String) -> Int64 {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return 0 }
        return Int64(s.f_blocks - s.f_bfree) * Int64(s.f_frsize)
    }
}

struct Options {
    var stores = ["memory", "directory"]
    var sessions = 1_000_000
    var samples = 20_000
    var clients = 4
    var rate = 2_000
    var live = 1_000
    var sweepBatch = 1_000
    var baselineSeconds = 3
    var fillWorkers = 4
    var directory: String?
    var fsync = false

    init(_ arguments: ArraySlice<String>) throws {
        var args = arguments
        func value(_ name: String) throws -> String {
            guard let v = args.popFirst() else { throw ScaleError("\(name) needs a value") }
            return v
        }
        func int(_ name: String) throws -> Int {
            guard let n = Int(try value(name)), n > 0 else { throw ScaleError("\(name) needs a positive number") }
            return n
        }
        while let arg = args.popFirst() {
            switch arg {
            case "--stores": stores = try value(arg).split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            case "--sessions": sessions = try int(arg)
            case "--samples": samples = try int(arg)
            case "--clients": clients = try int(arg)
            case "--rate": rate = Int(try value(arg)) ?? -1
                if rate < 0 { throw ScaleError("--rate needs a number (0: as fast as they go)") }
            case "--live": live = try int(arg)
            case "--sweep-batch": sweepBatch = try int(arg)
            case "--baseline-seconds": baselineSeconds = try int(arg)
            case "--fill-workers": fillWorkers = try int(arg)
            case "--dir": directory = try value(arg)
            case "--fsync": fsync = true
            case "-h", "--help":
                say(
                    """
                    session-scale [--stores memory,directory] [--sessions 1000000] [--samples 20000]
                                  [--clients 4] [--rate 2000] [--live 1000] [--sweep-batch 1000] [--baseline-seconds 3]
                                  [--fill-workers 4] [--dir PATH] [--fsync]
                    """)
                exit(0)
            default: throw ScaleError("unknown option \(arg) (see --help)")
            }
        }
    }
}

/// A line on standard output at once (`print` buffers when the output is a pipe).
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
