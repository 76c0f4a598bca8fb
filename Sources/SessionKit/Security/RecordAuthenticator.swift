import Crypto

/// MACs that bind a stored record to its storage key and to the app's secret key, so that a
/// record planted in a store's folder, copied from another session's path, or written by an app
/// with another key is never taken for the session it claims to be.
///
/// The MAC is HMAC-SHA256, truncated to 16 bytes, over the storage key's 32 bytes followed by
/// the record image. Its key is derived, never the raw secret: `HMAC-SHA256(secret, purpose)`,
/// so a record MAC can never stand in for a cookie signature or the other way round. Records
/// are sealed with the current key and verified with the current key and the fallbacks
/// (`SecretKeys.verificationOrder`), so key rotation keeps existing records readable.
package struct RecordAuthenticator: Sendable {
    /// Bytes of MAC stored with each record.
    package static let macLength = 16

    /// One keyed HMAC state per key, in verification order (the first is the current key):
    /// each MAC copies one and hashes only the message.
    private let keyed: [KeyedSHA256]

    package init(keys: SecretKeys, purpose: String) {
        keyed = keys.verificationOrder.map { secret in
            var derive = HMAC<SHA256>(key: SymmetricKey(data: secret.bytes))
            derive.update(data: Array(purpose.utf8))
            let derived = Array(derive.finalize())
            return KeyedSHA256(HMAC<SHA256>(key: SymmetricKey(data: derived)))
        }
    }

    /// Writes the current key's MAC of `key` and `image` into `out` (`macLength` bytes).
    package func seal(_ key: SessionStorageKey, _ image: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        precondition(out.count == Self.macLength)
        Self.withMAC(keyed[0], key, image) { mac in
            out.copyMemory(from: UnsafeRawBufferPointer(rebasing: mac[0..<Self.macLength]))
        }
    }

    /// Whether `mac` is the MAC of `key` and `image` under any key (current key first), compared
    /// in constant time.
    package func verify(_ mac: UnsafeRawBufferPointer, _ key: SessionStorageKey, _ image: UnsafeRawBufferPointer) -> Bool {
        guard mac.count == Self.macLength else { return false }
        for state in keyed {
            let valid = Self.withMAC(state, key, image) { full in
                KeyedHMAC.constantTimeEquals(UnsafeRawBufferPointer(rebasing: full[0..<Self.macLength]), mac)
            }
            if valid { return true }
        }
        return false
    }

    private static func withMAC<R>(
        _ state: KeyedSHA256, _ key: SessionStorageKey, _ image: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) -> R
    ) -> R {
        var h = state.hmac
        withUnsafeBytes(of: (key.w0.bigEndian, key.w1.bigEndian, key.w2.bigEndian, key.w3.bigEndian)) {
            h.update(data: MessageBytes($0))
        }
        h.update(data: MessageBytes(image))
        return h.finalize().withUnsafeBytes(body)
    }

    /// `HMAC<SHA256>` as a Sendable value: never mutated after init, every use works on a copy
    /// (swift-crypto's digest contexts are copy-on-write), as in `KeyedHMAC`.
    private struct KeyedSHA256: @unchecked Sendable {
        let hmac: HMAC<SHA256>
        init(_ hmac: HMAC<SHA256>) { self.hmac = hmac }
    }
}

/// A store whose records carry a MAC (`RecordAuthenticator`): `SessionEngine.init` hands it the
/// engine's keys. Until it has keys, such a store refuses every operation.
public protocol AuthenticatedRecordStore: SessionStore {
    /// Binds the keys records are sealed with (the current one) and verified with (all of them).
    func useRecordKeys(_ keys: SecretKeys)
}
