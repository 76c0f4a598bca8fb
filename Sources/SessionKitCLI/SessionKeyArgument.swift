import ArgumentParser
import SessionKit

/// The ID argument of `show` and `delete`: a raw session id or a storage key.
package enum SessionKeyArgument {
    static let help = ArgumentHelp(
        "A session id (43 base64url characters; hashed to its storage key) or a storage key (64 hex digits).",
        valueName: "id"
    )

    /// The storage key `text` names: a raw id's SHA-256, or the key itself (any hex case).
    package static func storageKey(for text: String) -> SessionStorageKey? {
        if let id = SessionID(validating: text) { return id.storageKey }
        if text.utf8.count == 64 { return SessionStorageKey(hex: text.lowercased()) }
        return nil
    }

    static func parse(_ text: String) throws(ValidationError) -> SessionStorageKey {
        if let key = storageKey(for: text) { return key }
        var message =
            "Expected a session id (\(SessionID.length) base64url characters) or a storage key (64 hex digits); got \(text.utf8.count) characters."
        if text.contains(".") {
            message += " For a signed cookie value (ID.SIGNATURE), run `sessionkit verify-id` first."
        }
        throw ValidationError(message)
    }
}
