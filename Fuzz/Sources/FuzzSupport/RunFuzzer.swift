import CFuzzDriver

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs libFuzzer on `test` with this process's command line (corpus folders, -max_total_time=…).
///
/// Each target has a `@main` that calls this: SwiftPM links an executable with
/// `--defsym main=<module>_main`, so the program's `main` must be the module's own. Each also
/// exports its test as `LLVMFuzzerTestOneInput`, which libFuzzer's (unused) `main`, linked in from
/// its archive by -sanitize=fuzzer, refers to.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
