import SessionKit

/// One client's saves while servers crash: per key, the last value whose save was acknowledged
/// (a 204 came back), and the values sent after it whose fate is unknown (the server died before
/// answering: saved or not, either is correct). The client sends one save at a time.
struct SaveLedger: Sendable {
    let client: Int
    let cookie: String
    let token: String
    var acknowledged: [String: String] = [:]
    var unknown: [String: [String]] = [:]
    var acks = 0
    var lostAnswers = 0
    /// Answers no save may get (a 500, a Set-Cookie on a save to a live session…).
    var problems: [String] = []

    init(client: Int, cookie: String, token: String) {
        self.client = client
        self.cookie = cookie
        self.token = token
    }

    mutating func sent(_ key: String, _ value: String) {
        unknown[key, default: []].append(value)
    }

    mutating func acknowledge(_ key: String, _ value: String) {
        acknowledged[key] = value
        unknown[key] = []
        acks += 1
    }

    /// What is wrong with `data`, the session as a fresh server reads it: a key must hold its
    /// last acknowledged value or one sent after it; a key never acknowledged may be absent.
    func mismatches(in data: SessionObject) -> [String] {
        var wrong: [String] = []
        for key in Set(acknowledged.keys).union(unknown.keys).sorted() {
            let allowed = (acknowledged[key].map { [$0] } ?? []) + (unknown[key] ?? [])
            switch data[key] {
            case .string(let value) where allowed.contains(value): continue
            case nil where acknowledged[key] == nil: continue
            case let found:
                let shown = found.map { "\($0)".prefix(40) } ?? "absent"
                wrong.append("client \(client) \(key): \(shown), acknowledged \(acknowledged[key]?.prefix(40) ?? "nothing")")
            }
        }
        return wrong
    }
}
