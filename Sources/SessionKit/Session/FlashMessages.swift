/// One flashed message: Flask's `(category, message)` tuple.
public struct FlashMessage: Sendable, Equatable {
    public var category: String
    public var message: String

    public init(_ message: String, category: String = "message") {
        self.category = category
        self.message = message
    }
}

/// Flask's message flashing (`flash`, `get_flashed_messages`), in Flask's format: the session key
/// `_flashes` holds a list of `(category, message)` tuples, so a Flask app sharing the session
/// shows messages flashed here and the other way round.
///
/// A flash is a change of the `_flashes` key like any other: two parallel requests that both flash
/// into one session keep the last one's list (keys merge, a key's value does not).
extension Session {
    /// Flask's session key for flashed messages.
    public static let flashesKey = "_flashes"

    /// Adds a message for the next page that calls `consumeFlashes()` (Flask's `flash`).
    public func flash(_ message: String, category: String = "message") {
        update(Self.flashesKey) { value in
            var list = value?.arrayValue ?? []
            list.append(.tuple([.string(category), .string(message)]))
            value = .array(list)
        }
    }

    /// The flashed messages, oldest first, removed from the session (Flask's
    /// `get_flashed_messages(with_categories=True)`). Entries that are not a category and a
    /// message (written by something else) are skipped; Markup messages come as their text.
    /// Does not mark the session modified when there is nothing to consume.
    public func consumeFlashes() -> [FlashMessage] {
        guard contains(Self.flashesKey) else { return [] }
        guard let stored = pop(Self.flashesKey)?.arrayValue else { return [] }
        return stored.compactMap { entry in
            guard let pair = entry.arrayValue, pair.count == 2,
                let category = Self.flashText(pair[0]), let message = Self.flashText(pair[1])
            else { return nil }
            return FlashMessage(message, category: category)
        }
    }

    private static func flashText(_ value: SessionValue) -> String? {
        switch value {
        case .string(let s), .markup(let s): return s
        default: return nil
        }
    }
}
