import Benchmark
import Foundation
import SessionKit
import SessionKitDirectory

/// One request's session work, without HTTP: `begin` (find the cookie in a Cookie header with
/// other cookies), open (verify, load), read or write one key, `finish` (save, Set-Cookie).
/// The session is a logged-in demo session: a user name and a 64-hex-digit CSRF token.
/// `cookie, permanent: read` is the refresh of an unmodified permanent session.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 10_000_000
    )

    let configuration = SessionConfiguration(secretKey: SecretKey("Bk7Qz2Wm9Xr4Tn8Vp3Lc-benchmark"))
    // One folder, reused by every run (a handful of small files).
    let folder = NSTemporaryDirectory() + "sessionkit-bench-engine"
    let stores: [(String, SessionStorageMode)] = [
        ("cookie", .cookie),
        // Permanent: every request that opens the session sends a refreshed cookie (Flask's
        // SESSION_REFRESH_EACH_REQUEST), so "read" signs the session again.
        ("cookie, permanent", .cookie),
        ("memory", .server(MemorySessionStore())),
        ("directory, no fsync", .server(try! DirectorySessionStore(directory: folder, durability: .noSync))),
    ]

    for (name, storage) in stores {
        let engine = try! SessionEngine(configuration: configuration, storage: storage)
        // Log in once; every request then presents that cookie among two others.
        let header: [String] = {
            let semaphore = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var cookie = ""
            Task {
                let pending = engine.begin(cookieHeaders: [String]())
                let session = try await pending.session()
                session["username"] = "bench1"
                if name.hasSuffix("permanent") { session.isPermanent = true }
                session["_csrf_token"] = .string(String(repeating: "5f3a9c1e", count: 8))
                let headers = try await engine.finish(pending)
                cookie = String(headers.setCookie!.split(separator: ";")[0])
                semaphore.signal()
            }
            semaphore.wait()
            return ["theme=dark; " + cookie + "; _ga=GA1.1.123456789.1700000000"]
        }()

        Benchmark("\(name): read (open, read a key, finish)") { benchmark async throws in
            for _ in benchmark.scaledIterations {
                let pending = engine.begin(cookieHeaders: header)
                blackHole(try await pending.session()["username"])
                blackHole(try await engine.finish(pending))
            }
        }

        if name.hasSuffix("permanent") {
            // Flask's `session.permanent = True` in every `before_request`: modified, same data.
            Benchmark("\(name): set what it holds (open, isPermanent = true, finish)") { benchmark async throws in
                for _ in benchmark.scaledIterations {
                    let pending = engine.begin(cookieHeaders: header)
                    try await pending.session().isPermanent = true
                    blackHole(try await engine.finish(pending))
                }
            }
        }

        Benchmark("\(name): write (open, set a key, finish)") { benchmark async throws in
            var visits = 0
            for _ in benchmark.scaledIterations {
                let pending = engine.begin(cookieHeaders: header)
                visits &+= 1
                try await pending.session()["visits"] = .int(visits & 1)
                blackHole(try await engine.finish(pending))
            }
        }
    }
}
