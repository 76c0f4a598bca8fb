import CCompressZlib
import SessionKit

/// The on-disk format of one `DirectorySessionStore` session file (`SKS1`, format version 3).
///
/// A file is two slots of `S` bytes each (`S` = 512 << k, the file exactly `2 * S` bytes). Each
/// slot holds one record image, or nothing valid; the valid image with the higher record version
/// is the session. A save writes the new image into the other slot in place and fdatasyncs it:
/// no new file, no rename, no folder fsync. A crash or a reader in the middle of that write sees
/// a damaged image in that slot only, and the other slot's image, the previous record, is still
/// whole: readers never see a mix, and a crash never loses the last saved record.
///
/// A record image (integers little-endian):
/// ```
/// offset size  field
///      0    4  magic "SKS1"
///      4    2  format version (UInt16) = 3
///      6    2  flags (UInt16): bit 0 absoluteDeadline present, bit 1 idleTimeoutOverride
///              present, bits 8-12 k (the slot size S = 512 << k of the file it belongs to)
///      8    8  expiresAt (Int64, Unix seconds)
///     16    8  createdAt (Int64)
///     24    8  lastAccessAt (Int64)
///     32    8  absoluteDeadline (Int64; 0 when absent)
///     40    8  idleTimeoutOverride (Int64; 0 when absent)
///     48    8  record version (UInt64; every save increases it)
///     56    4  data length N (UInt32)
///     60    4  header CRC-32 of bytes 0..<60
///     64    N  data: Flask tagged JSON of the session object
///   64+N   16  MAC: HMAC-SHA256 (truncated) of the storage key's 32 bytes and bytes 0..<64+N,
///              with a key derived from the secret key (`RecordAuthenticator`)
///   80+N    4  image CRC-32 of bytes 0..<80+N
/// ```
/// The bytes after an image, up to the end of its slot, are not read. An image counts only in a
/// file whose size is twice the slot size it names, so a truncated or extended file is damaged.
///
/// The MAC binds the image to its session (a record copied from another session's path fails)
/// and to the app's keys (a planted record, or one another app wrote, fails); a file that fails
/// it is never the session (it reads as absent, and is kept: it may be another key's). Files of older format versions (1 and 2, before the MAC) read as
/// damaged: absent, and removed.
///
/// Frozen for all format versions: magic at 0, version at 4, and a CRC-32 of bytes 0..<60 at
/// 60, so that a file of a newer version (a newer SessionKit sharing the folder) is told from a
/// damaged one: the former is refused (an error, the file kept), the latter dropped.
///
/// The header has its own CRC so that the sweep can trust `expiresAt` without the data; the
/// image CRC (plus the exact length) catches a truncated, torn or damaged body; the CRCs are no
/// defence against a forger, the MAC is. CRC-32 is the
/// IEEE polynomial (zlib's `crc32`).
enum SessionRecordFile {
    static let magic: (UInt8, UInt8, UInt8, UInt8) = (0x53, 0x4B, 0x53, 0x31)  // "SKS1"
    static let formatVersion: UInt16 = 3
    static let headerSize = 64
    static let macSize = RecordAuthenticator.macLength
    /// MAC and image CRC.
    static let trailerSize = macSize + 4
    /// Larger records are refused on write and treated as corrupt on read.
    static let maxDataBytes = 64 << 20

    static let flagAbsoluteDeadline: UInt16 = 1 << 0
    static let flagIdleTimeoutOverride: UInt16 = 1 << 1
    /// Flags bits 8-12: k, with the slot size 512 << k.
    static let slotShiftBit: UInt16 = 8
    static let slotShiftMask: UInt16 = 0x1F << 8
    static let minimumSlotSize = 512
    /// Slot sizes above this are refused (a record is at most `maxDataBytes`).
    static let maximumSlotSize = 512 << 18

    struct Header: Sendable, Equatable {
        var expiresAt: Int64
        var createdAt: Int64
        var lastAccessAt: Int64
        var absoluteDeadline: Int64?
        var idleTimeoutOverride: Int64?
        var version: UInt64
        var dataLength: Int
        /// The slot size of the file this image belongs to.
        var slotSize: Int

        /// The image's size: header, data, MAC and CRC.
        var fileSize: Int { SessionRecordFile.headerSize + dataLength + SessionRecordFile.trailerSize }
    }

    enum HeaderResult: Sendable, Equatable {
        case header(Header)
        /// Too short for a header.
        case truncated
        /// Not ours or damaged (bad magic, bad header CRC, an older version, impossible length).
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

    /// A record image (header, data, MAC, CRC) sealed for `key`: for an existing file's slots of
    /// `slotSize`, or (nil) naming the slot size `slotSize(forImage:)` gives it; nil when the
    /// data is larger than `maxDataBytes`. `file(_:)` lays a new image out as a new file.
    static func encode(
        _ record: SessionRecord, key: SessionStorageKey, authenticator: RecordAuthenticator, slotSize: Int? = nil
    ) -> [UInt8]? {
        guard var out = unsealed(record) else { return nil }
        seal(&out, slotSize: slotSize ?? Self.slotSize(forImage: out.count), key: key, authenticator: authenticator)
        return out
    }

    /// `encode`'s image before `seal` (lengths, CRCs and MAC zero), for a caller that picks the
    /// slot size from the image's size; nil when the data is larger than `maxDataBytes`.
    static func unsealed(_ record: SessionRecord) -> [UInt8]? {
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
        appendLE(UInt32(0), to: &out)  // data length, set by seal
        appendLE(UInt32(0), to: &out)  // header CRC, set by seal
        TaggedJSON.encode(.object(record.data), into: &out)
        guard out.count - headerSize <= maxDataBytes else { return nil }
        out.append(contentsOf: repeatElement(0, count: trailerSize))  // MAC and image CRC, set by seal
        return out
    }

    /// The slot size a new file gives an image of `count` bytes: a quarter more, for growth,
    /// rounded up to 512 << k.
    static func slotSize(forImage count: Int) -> Int {
        var size = minimumSlotSize
        let wanted = count + count / 4
        while size < wanted && size < maximumSlotSize { size <<= 1 }
        return size
    }

    /// Sets an image's data length (from its size), slot size, both CRCs and the MAC.
    /// `slotSize` must be 512 << k, at least the image's size.
    static func seal(_ image: inout [UInt8], slotSize: Int, key: SessionStorageKey, authenticator: RecordAuthenticator) {
        precondition(image.count >= headerSize + trailerSize && image.count <= slotSize)
        var k: UInt16 = 0
        while minimumSlotSize << Int(k) < slotSize { k += 1 }
        precondition(minimumSlotSize << Int(k) == slotSize, "slot sizes are 512 << k")
        var flags: UInt16 = image.withUnsafeBytes { load($0, 6) }
        flags = (flags & ~slotShiftMask) | (k << slotShiftBit)
        store16(flags, at: 6, in: &image)
        store(UInt32(image.count - headerSize - trailerSize), at: 56, in: &image)
        let headerCRC = image.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<60])) }
        store(headerCRC, at: 60, in: &image)
        let macStart = image.count - trailerSize
        let crcStart = macStart + macSize
        image.withUnsafeMutableBytes { raw in
            authenticator.seal(
                key, UnsafeRawBufferPointer(rebasing: raw[0..<macStart]),
                into: UnsafeMutableRawBufferPointer(rebasing: raw[macStart..<crcStart]))
        }
        let imageCRC = image.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<crcStart])) }
        store(imageCRC, at: crcStart, in: &image)
    }

    /// The slot size an image names.
    static func slotSize(ofImage image: [UInt8]) -> Int {
        let flags: UInt16 = image.withUnsafeBytes { load($0, 6) }
        return minimumSlotSize << Int((flags & slotShiftMask) >> slotShiftBit)
    }

    /// A new file holding `image` in slot 0 and zeros in slot 1 (written out, not a hole, so
    /// that later in-place saves allocate nothing and cannot run out of space).
    static func file(_ image: [UInt8]) -> [UInt8] {
        let size = slotSize(ofImage: image)
        var bytes = image
        bytes.append(contentsOf: repeatElement(0, count: 2 * size - image.count))
        return bytes
    }

    // MARK: Decoding

    /// Parses and checks a 64-byte image header (magic, version, header CRC, length bound).
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
        guard version >= formatVersion else {
            return .corrupt("format version \(version), older than \(formatVersion) (no MAC): not read")
        }
        guard version == formatVersion else { return .unsupported(version) }
        let flags: UInt16 = load(bytes, 6)
        let known = flagAbsoluteDeadline | flagIdleTimeoutOverride | slotShiftMask
        guard flags & ~known == 0 else { return .corrupt("unknown flags") }
        let slotSize = minimumSlotSize << Int((flags & slotShiftMask) >> slotShiftBit)
        guard slotSize <= maximumSlotSize else { return .corrupt("slot size over the limit") }
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
                dataLength: dataLength,
                slotSize: slotSize
            ))
    }

    /// The image a file's reader should use: its header and where it lies.
    struct Current: Sendable, Equatable {
        var header: Header
        /// The image's bytes in the file.
        var range: Range<Int>
        /// 0 or 1.
        var slot: Int
    }

    enum LocateResult: Sendable, Equatable {
        case current(Current)
        /// A whole image (its CRCs hold) whose MAC fails: not this app's record for this session.
        case unauthenticated(Current)
        case corrupt(String)
        case unsupported(UInt16)
    }

    /// Finds the current image of a whole file for the session `key`: checks both slots'
    /// headers, sizes, image CRCs and MACs (not the JSON) and picks the valid image with the
    /// higher record version. An image whose CRCs hold but whose MAC fails was not written by
    /// this app for this session: `.unauthenticated`, unless the other slot's image is whole and
    /// authentic. One MAC per call unless the newer image fails.
    static func locate(
        _ bytes: UnsafeRawBufferPointer, key: SessionStorageKey, authenticator: RecordAuthenticator
    ) -> LocateResult {
        var firstProblem: String
        switch parseHeader(bytes) {
        case .unsupported(let v):
            return .unsupported(v)
        case .header:
            firstProblem = "bad image"
        case .truncated:
            return .corrupt("truncated header (\(bytes.count) bytes)")
        case .corrupt(let why):
            firstProblem = why
        }
        guard bytes.count % (2 * minimumSlotSize) == 0, bytes.count <= 2 * maximumSlotSize else {
            return .corrupt("\(bytes.count) bytes is not two slots (\(firstProblem))")
        }
        let slotSize = bytes.count / 2
        func slotBytes(_ slot: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[slot * slotSize..<(slot + 1) * slotSize])
        }
        func header(_ slot: Int) -> Header? {
            guard case .header(let h) = parseHeader(slotBytes(slot)), h.slotSize == slotSize, h.fileSize <= slotSize
            else { return nil }
            return h
        }
        var forged: Current?
        func whole(_ slot: Int, _ h: Header?) -> Current? {
            guard let h, imageCRCMatches(slotBytes(slot), header: h) else { return nil }
            let image = slotBytes(slot)
            let macStart = headerSize + h.dataLength
            guard
                authenticator.verify(
                    UnsafeRawBufferPointer(rebasing: image[macStart..<macStart + macSize]), key,
                    UnsafeRawBufferPointer(rebasing: image[0..<macStart]))
            else {
                if forged == nil || h.version > forged!.header.version {
                    forged = Current(header: h, range: slot * slotSize..<slot * slotSize + h.fileSize, slot: slot)
                }
                return nil
            }
            return Current(header: h, range: slot * slotSize..<slot * slotSize + h.fileSize, slot: slot)
        }
        // The image CRC (the costly check) of the newer slot first: when it holds, that slot is
        // the answer and the older one's image need not be read. On a tie, slot 0 first.
        let h0 = header(0)
        let h1 = header(1)
        let first = h1 != nil && (h0 == nil || h1!.version > h0!.version) ? 1 : 0
        if let current = whole(first, first == 0 ? h0 : h1) { return .current(current) }
        if let current = whole(1 - first, first == 0 ? h1 : h0) { return .current(current) }
        if let forged { return .unauthenticated(forged) }
        return .corrupt("no whole record in either slot (\(firstProblem))")
    }

    /// Whether the image CRC after the data and MAC matches (the bytes start at the image).
    private static func imageCRCMatches(_ bytes: UnsafeRawBufferPointer, header: Header) -> Bool {
        let end = headerSize + header.dataLength + macSize
        guard bytes.count >= end + 4 else { return false }  // the CRC after the MAC
        let storedCRC: UInt32 = load(bytes, end)
        return CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) == storedCRC
    }

    /// The record of the image `locate` found.
    static func decode(_ bytes: UnsafeRawBufferPointer, current: Current) -> DecodeResult {
        let header = current.header
        let start = current.range.lowerBound + headerSize
        let end = start + header.dataLength
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
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
    private static func store16(_ value: UInt16, at offset: Int, in out: inout [UInt8]) {
        out[offset] = UInt8(truncatingIfNeeded: value)
        out[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
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

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320): zlib's `crc32`, the record files' checksum.
enum CRC32 {
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return 0 }
        let crc = crc32_z(0, base.assumingMemoryBound(to: Bytef.self), bytes.count)
        return UInt32(truncatingIfNeeded: crc)
    }
}
