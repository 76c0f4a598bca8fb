import CCompressZlib
import CompressNIO
import NIOCore

/// zlib (RFC 1950) through compress-nio, with Python's `zlib.compress` parameters: level 6,
/// windowBits 15, memLevel 8, default strategy.
///
/// Streams are pooled and reset (`deflateReset`/`inflateReset`) between uses instead of being
/// created for every cookie: `deflateInit` allocates about 256 KB, which costs more (page faults)
/// than compressing a session. A reset stream produces exactly the bytes of a fresh one.
enum Zlib {
    static let configuration = ZlibConfiguration(compressionLevel: .compressionLevel6)

    /// A deflate stream with its reusable input and output buffers.
    final class Deflater {
        let compressor: ZlibCompressor
        var input = ByteBuffer()
        var output = ByteBuffer()

        init?() {
            guard let compressor = try? ZlibCompressor(algorithm: .zlib, configuration: Zlib.configuration)
            else { return nil }
            self.compressor = compressor
        }
    }

    /// An inflate stream with its reusable input and output buffers.
    final class Inflater {
        let decompressor: ZlibDecompressor
        var input = ByteBuffer()
        var output = ByteBuffer()

        init?() {
            guard let decompressor = try? ZlibDecompressor(algorithm: .zlib) else { return nil }
            self.decompressor = decompressor
        }
    }

    static let deflaters = StreamPool<Deflater>()
    static let inflaters = StreamPool<Inflater>()

    /// Buffers above this size are not kept in the pools.
    static let maxPooledBufferSize = 256 * 1024

    /// Calls `body` with `zlib.compress(bytes)` (nil if zlib failed), valid during the call:
    /// `SmallDeflate` (the same bytes, computed without zlib's 256 KB state) for sessions of up
    /// to 16,000 bytes, zlib itself for larger ones.
    static func withCompressed<R>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        if let result = SmallDeflate.withCompressed(bytes, { body($0) }) { return result }
        return withZlibCompressed(bytes, body)
    }

    /// `withCompressed` by zlib, at any size.
    static func withZlibCompressed<R>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let deflater = deflaters.take() ?? Deflater() else { return body(nil) }
        deflater.input.clear()
        deflater.input.writeBytes(bytes)
        deflater.output.clear()
        deflater.output.reserveCapacity(deflater.compressor.maxSize(from: deflater.input))
        do {
            try deflater.compressor.deflate(from: &deflater.input, to: &deflater.output, flush: .finish)
        } catch {
            return body(nil)  // the stream is in an unknown state: not pooled again
        }
        let result = deflater.output.withUnsafeReadableBytes { body($0) }
        if (try? deflater.compressor.reset()) != nil,
            deflater.input.capacity <= maxPooledBufferSize, deflater.output.capacity <= maxPooledBufferSize
        {
            deflaters.give(deflater)
        }
        return result
    }

    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { withCompressed($0) { $0.map { Array($0) } } }
    }

    /// Calls `body` with the inflated bytes, valid during the call; nil when the data is not one
    /// whole zlib stream or would inflate to more than `limit` bytes (inflation stops there).
    static func withDecompressed<R>(
        _ bytes: UnsafeRawBufferPointer, limit: Int, _ body: (UnsafeRawBufferPointer?) -> R
    ) -> R {
        guard bytes.count >= 6, limit > 0, let inflater = inflaters.take() ?? Inflater() else { return body(nil) }
        inflater.input.clear()
        inflater.input.writeBytes(bytes)
        // Room for any ordinary session in one pass (64 KB, or more for a big input), never
        // more than `limit`; grown (doubling) up to `limit` for bigger ones. Capacities are
        // powers of two, so the last one may pass `limit` a little: the count is checked below.
        let firstPass = min(limit, max(64 * 1024, 4 * bytes.count))
        if inflater.output.capacity >= 2 * firstPass {
            inflater.output = ByteBuffer()  // a pooled buffer much bigger than this call allows
        }
        inflater.output.clear()
        inflater.output.reserveCapacity(firstPass)
        var ok = true
        while true {
            do {
                try inflater.decompressor.inflate(from: &inflater.input, to: &inflater.output)
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                // The input ended inside the stream: what was inflated is checked (and fails) below.
            } catch let error as CompressNIOError where error == .bufferOverflow && inflater.output.capacity < limit {
                inflater.output.reserveCapacity(min(limit, 2 * inflater.output.capacity))
                continue
            } catch {
                ok = false  // corrupt data, or `limit` bytes inflated and more to come
            }
            break
        }
        let result: R
        if ok, inflater.input.readableBytes == 0, inflater.output.readableBytes <= limit {
            result = inflater.output.withUnsafeReadableBytes { inflated in
                // compress-nio returns what it inflated even when the stream stops early; a
                // whole stream ends with the Adler-32 of its content, so a truncated one fails.
                let trailer = bytes.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return body(trailer == adler32(inflated) ? inflated : nil)
            }
        } else {
            result = body(nil)
        }
        if (try? inflater.decompressor.reset()) != nil,
            inflater.input.capacity <= maxPooledBufferSize, inflater.output.capacity <= maxPooledBufferSize
        {
            inflaters.give(inflater)
        }
        return result
    }

    /// Inflates; nil when the data is not one whole zlib stream or would exceed `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        bytes.withUnsafeBytes { withDecompressed($0, limit: limit) { $0.map { Array($0) } } }
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { adler32($0) }
    }

    /// zlib's `adler32_z`.
    static func adler32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return 1 }
        return UInt32(truncatingIfNeeded: adler32_z(1, base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }
}
