import Foundation
import Testing

/// Runs `script` with `python -c`, feeding it `lines` (one per line on stdin) and returning what
/// it prints, one entry per output line (empty lines kept). Its stderr goes into the failure.
func runPythonLines(_ python: String, script: String, lines: [String]) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-c", script]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = Data(lines.map { $0 + "\n" }.joined().utf8)
    let writer = input.fileHandleForWriting
    Thread.detachNewThread {  // a large input must not block on a full pipe while we read
        writer.write(data)
        try? writer.close()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(String(decoding: err, as: UTF8.self).suffix(2000))")
    return String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)
}
