import CSessionKitRandom

/// Bytes from the system CSPRNG in one call. `SystemRandomNumberGenerator` makes one system call
/// per 8 bytes (and `UInt8.random(using:)` one per byte): 64 calls for a CSRF pad cost the demo's
/// read path a third of its throughput.
enum SecureRandom {
    static func bytes(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, sessionkit_random_bytes(buffer.baseAddress, count) != 0 {
                // No CSPRNG: nothing secure can be made; failing loudly beats a predictable id.
                fatalError("the system's random number generator failed")
            }
            initialized = count
        }
    }
}
