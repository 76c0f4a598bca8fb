/// The on-disk format of one `DirectorySessionStore` session file (`SKS1`, format version 1).
///
/// ```
/// offset size  field (integers little-endian)
///      0    4  magic "SKS1"
///      4    2  format version (UInt16) = 1
///      6    2  flags (UInt16): bit 0 absoluteDeadline present, bit 1 idleTimeoutOverride present
///      8    8  expiresAt (Int64, Unix seconds)
///     16    8  createdAt (Int64)
///     24    8  lastAccessAt (Int64)
///     32    8  absoluteDeadline (Int64; 0 when absent)
///     40    8  idleTimeoutOverride (Int64; 0 when absent)
///     48    8  record version (UInt64)
///     56    4  data length N (UInt32)
///     60    4  header CRC-32 of bytes 0..<60
///     64    N  data: Flask tagged JSON of the session object
///   64+N    4  file CRC-32 of bytes 0..<64+N
/// ```
///
/// Frozen for all format versions: magic at 0, version at 4, and a CRC-32 of bytes 0..<60 at
/// 60, so that a file of a newer version (a newer SessionKit sharing the folder) is told from a
/// damaged one: the former is refused (an error, the file kept), the latter dropped.
///
/// The header has its own CRC so that the sweep can trust `expiresAt` after reading 64 bytes;
/// the trailing CRC (plus the exact length) catches a truncated or damaged body. CRC-32 is the
/// IEEE polynomial (zlib's `crc32`).
enum SessionRecordFile {
    static let magic: (UInt8, UInt8, UInt8, UInt8) = (0x53, 0x4B, 0x53, 0x31)  // "SKS1"
    static let formatVersion: UInt16 = 1
    static let headerSize = 64
    static let trailerSize = 4
    /// Larger records are refused on write and treated as corrupt on read.
    static let maxDataBytes = 64 << 20

    static let flagAbsoluteDeadline: UInt16 = 1 << 0
    static let flagIdleTimeoutOverride: UInt16 = 1 << 1

    struct Header: Sendable, Equatable {
        var expiresAt: Int64
        var createdAt: Int64
        var lastAccessAt: Int64
        var absoluteDeadline: Int64?
        var idleTimeoutOverride: Int64?
        var version: UInt64
        var dataLength: Int

        var fileSize: Int { SessionRecordFile.headerSize + dataLength + SessionRecordFile.trailerSize }
    }

    enum HeaderResult: Sendable, Equatable {
        case header(Header)
        /// Too short for a header.
        case truncated
        /// Not ours or damaged (bad magic, bad header CRC, version 0, impossible length).
        case corrupt(String)
        /// A newer format (written by a newer SessionKit sharing the folder): neither readable
        /// nor ours to delete.
        case unsupported(UInt16)
    }

    enum DecodeResult: Sendable {
        case record(SessionRecord)
        case corrupt(String)
        case unsupported(UInt16)
    }

    // MARK: Encoding

    /// The whole file's bytes; nil when the data is larger than `maxDataBytes`.
    static func encode(_ record: SessionRecord) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(256)
        out.append(magic.0)
        out.append(magic.1)
        out.append(magic.2)
        out.append(magic.3)
        appendLE(formatVersion, to: &out)
        var flags: UInt16 = 0
        if record.absoluteDeadline != nil { flags |= flagAbsoluteDeadline }
        if record.idleTimeoutOverride != nil { flags |= flagIdleTimeoutOverride }
        appendLE(flags, to: &out)
        appendLE(record.expiresAt, to: &out)
        appendLE(record.createdAt, to: &out)
        appendLE(record.lastAccessAt, to: &out)
        appendLE(record.absoluteDeadline ?? 0, to: &out)
        appendLE(record.idleTimeoutOverride ?? 0, to: &out)
        appendLE(record.version, to: &out)
        appendLE(UInt32(0), to: &out)  // data length, patched below
        appendLE(UInt32(0), to: &out)  // header CRC, patched below
        TaggedJSON.encode(.object(record.data), into: &out)
        let dataLength = out.count - headerSize
        guard dataLength <= maxDataBytes else { return nil }
        store(UInt32(dataLength), at: 56, in: &out)
        let headerCRC = out.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<60])) }
        store(headerCRC, at: 60, in: &out)
        let fileCRC = out.withUnsafeBytes { CRC32.checksum($0) }
        appendLE(fileCRC, to: &out)
        return out
    }

    // MARK: Decoding

    /// Parses and checks the 64-byte header (magic, version, header CRC, length bound).
    static func parseHeader(_ bytes: UnsafeRawBufferPointer) -> HeaderResult {
        guard bytes.count >= headerSize else { return .truncated }
        guard bytes[0] == magic.0, bytes[1] == magic.1, bytes[2] == magic.2, bytes[3] == magic.3 else {
            return .corrupt("bad magic")
        }
        let version: UInt16 = load(bytes, 4)
        let storedCRC: UInt32 = load(bytes, 60)
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<60])) == storedCRC else {
            return .corrupt("bad header checksum")
        }
        guard version != 0 else { return .corrupt("format version 0") }
        guard version == formatVersion else { return .unsupported(version) }
        let flags: UInt16 = load(bytes, 6)
        guard flags & ~(flagAbsoluteDeadline | flagIdleTimeoutOverride) == 0 else {
            return .corrupt("unknown flags")
        }
        let dataLength = Int(load(bytes, 56) as UInt32)
        guard dataLength <= maxDataBytes else { return .corrupt("data length over the limit") }
        let deadline: Int64 = load(bytes, 32)
        let idle: Int64 = load(bytes, 40)
        return .header(
            Header(
                expiresAt: load(bytes, 8),
                createdAt: load(bytes, 16),
                lastAccessAt: load(bytes, 24),
                absoluteDeadline: flags & flagAbsoluteDeadline != 0 ? deadline : nil,
                idleTimeoutOverride: flags & flagIdleTimeoutOverride != 0 ? idle : nil,
                version: load(bytes, 48),
                dataLength: dataLength
            ))
    }

    /// Checks everything (header, exact length, file CRC, tagged JSON holding an object).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> DecodeResult {
        let header: Header
        switch parseHeader(bytes) {
        case .header(let h): header = h
        case .truncated: return .corrupt("truncated header (\(bytes.count) bytes)")
        case .corrupt(let why): return .corrupt(why)
        case .unsupported(let v): return .unsupported(v)
        }
        return decode(bytes, header: header)
    }

    /// The rest of `decode` once the header is known to be good.
    static func decode(_ bytes: UnsafeRawBufferPointer, header: Header) -> DecodeResult {
        guard bytes.count == header.fileSize else {
            return .corrupt(bytes.count < header.fileSize ? "truncated (\(bytes.count) of \(header.fileSize) bytes)" : "trailing bytes")
        }
        let end = headerSize + header.dataLength
        let storedCRC: UInt32 = load(bytes, end)
        guard CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) == storedCRC else {
            return .corrupt("bad checksum")
        }
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(UnsafeRawBufferPointer(rebasing: bytes[headerSize..<end]))
        } catch {
            return .corrupt("undecodable data: \(error.message)")
        }
        guard case .object(let data) = value else { return .corrupt("data is not an object") }
        return .record(
            SessionRecord(
                data: data, createdAt: header.createdAt, lastAccessAt: header.lastAccessAt,
                absoluteDeadline: header.absoluteDeadline, idleTimeoutOverride: header.idleTimeoutOverride,
                expiresAt: header.expiresAt, version: header.version))
    }

    // MARK: Little-endian helpers

    @inline(__always)
    private static func appendLE<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always)
    private static func store(_ value: UInt32, at offset: Int, in out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { src in
            for i in 0..<4 { out[offset + i] = src[i] }
        }
    }

    @inline(__always)
    private static func load<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib), slicing-by-8.
enum CRC32 {
    static let tables: [[UInt32]] = {
        var t = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[0][i] = c
        }
        for i in 0..<256 {
            for k in 1..<8 { t[k][i] = (t[k - 1][i] >> 8) ^ t[0][Int(t[k - 1][i] & 0xFF)] }
        }
        return t
    }()

    /// Flat copy of `tables` (table k at k*256), for the hot loop.
    static let flat: [UInt32] = tables.flatMap { $0 }

    static func checksum(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
        var crc = ~initial
        flat.withUnsafeBufferPointer { t in
            var i = 0
            let n = bytes.count
            while i + 8 <= n {
                let lo = bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ crc
                let hi = bytes.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian
                crc = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < n {
                crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
                i += 1
            }
        }
        return ~crc
    }
}
