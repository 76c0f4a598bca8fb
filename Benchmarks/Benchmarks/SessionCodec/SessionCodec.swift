import Benchmark
import Crypto
import SessionKit

/// Sign and verify+decode of Flask session cookies, next to the bare HMAC-SHA1 of the same bytes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 10_000_000
    )

    let keys = SecretKeys(current: SecretKey("a-benchmark-key-0123456789abcdef"))
    // The decode benchmarks below measure decoding itself: no cache of decoded payloads.
    let codec = SessionCookieCodec(keys: keys, cachesDecodedPayloads: false)
    // The default codec: a cookie seen before costs its signature check and a cache lookup.
    let cachingCodec = SessionCookieCodec(keys: keys)
    let now: Int64 = 1_700_000_000

    // A typical session: a user name, a 43-character random URL-safe token (as Python's
    // `secrets.token_urlsafe(32)` makes), an integer. A random token does not compress, so the
    // cookie takes the plain path, as real sessions do.
    let typical: SessionObject = [
        "username": "admin",
        "csrf_token": "hD2uX0JpTzq7Wc-4mKf9vQ1sLrYbN_8eGaO3tIxU6Zw",
        "visits": 42,
    ]
    let typicalCookie = codec.encode(typical, timestamp: now)
    precondition(!typicalCookie.hasPrefix("."), "a random token should not compress")

    // The same shape with a token of 43 "x": it compresses, so this small cookie takes the zlib path.
    let compressible: SessionObject = [
        "username": "admin",
        "csrf_token": .string(String(repeating: "x", count: 43)),
        "visits": 42,
    ]
    let compressibleCookie = codec.encode(compressible, timestamp: now)
    precondition(compressibleCookie.hasPrefix("."), "43 x should compress")

    // About 2 KB of JSON: takes the zlib path.
    var large = SessionObject()
    for i in 0..<40 { large["item_\(i)"] = .string("value number \(i) of a larger session payload") }
    let largeCookie = codec.encode(large, timestamp: now)
    precondition(largeCookie.hasPrefix("."), "the 2 KB session should be compressed")

    Benchmark("sign typical session") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(codec.encode(typical, timestamp: now))
        }
    }

    // Decoding itself, then the default codec with the payload cached.
    for (suffix, decoder) in [("", codec), (", payload cached", cachingCodec)] {
        Benchmark("verify+decode typical session\(suffix)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try decoder.decode(typicalCookie, maxAge: 2_678_400, now: now + 1))
            }
        }

        Benchmark("verify+decode small compressible session (zlib)\(suffix)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try decoder.decode(compressibleCookie, maxAge: 2_678_400, now: now + 1))
            }
        }
    }

    Benchmark("sign 2KB session (zlib)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(codec.encode(large, timestamp: now))
        }
    }

    Benchmark("verify+decode 2KB session (zlib)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try codec.decode(largeCookie, maxAge: 2_678_400, now: now + 1))
        }
    }

    // The floor: one HMAC-SHA1 over the typical cookie's signed text, with the key schedule
    // precomputed, as the codec does it.
    let signedText = Array(typicalCookie.utf8[..<typicalCookie.utf8.lastIndex(of: UInt8(ascii: "."))!])
    let derived = HMAC<Insecure.SHA1>.authenticationCode(
        for: Array("cookie-session".utf8), using: SymmetricKey(data: keys.current.bytes))
    let keyed = HMAC<Insecure.SHA1>(key: SymmetricKey(data: Array(derived)))
    Benchmark("bare HMAC-SHA1 of the typical cookie") { benchmark in
        for _ in benchmark.scaledIterations {
            var h = keyed
            h.update(data: signedText)
            blackHole(h.finalize())
        }
    }
}
