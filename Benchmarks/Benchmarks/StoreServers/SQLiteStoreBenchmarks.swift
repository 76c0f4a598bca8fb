import Benchmark
import Foundation
import SessionKit
import SessionKitSQLite

/// `SQLiteSessionStore` load, apply and loads in flight, 10,000 typical sessions in one database
/// file. The store keeps its defaults (`synchronousWrites: true`, 4 reader connections).
///
/// Note: `synchronousWrites: true` is meant to fsync each commit (`PRAGMA synchronous = FULL`),
/// but GRDB's `DatabasePool` sets `synchronous = NORMAL` on its writer connection after the
/// store's `prepareDatabase` ran (WAL setup), so commits are not fsynced: strace of 2 s of
/// "apply" (about 1,000 commits) showed 4 `fdatasync` calls, from checkpoints. Until the store
/// fixes that, "apply" here measures a commit without fsync.
///
/// The file is `$SESSIONKIT_BENCH_DIR/sqlite-10k.sqlite` (default `<temp dir>/sessionkit-bench`),
/// filled once without fsync and reused by later runs; delete it to start over.
func sqliteStoreBenchmarks() {
    serverStoreBenchmarks(name: "SQLite") {
        let base = ProcessInfo.processInfo.environment["SESSIONKIT_BENCH_DIR"]
            ?? (NSTemporaryDirectory() + "sessionkit-bench")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let path = "\(base)/sqlite-10k.sqlite"
        let filler = try SQLiteSessionStore(path: path, synchronousWrites: false)
        return try await ServerStoreFixture(
            store: SQLiteSessionStore(path: path, synchronousWrites: true), fillStore: filler)
    }
}
