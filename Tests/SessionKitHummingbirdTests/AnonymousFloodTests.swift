import Foundation
import HummingbirdTesting
import SessionDemo
@testable import SessionKit
import Testing

/// Issue 24 §2: every anonymous `GET /login` used to leave a session file and a lock file that
/// lived 31 days (20,000 requests: 40,002 files). A visitor who only loads the form now leaves
/// nothing on the server; the login it then posts is the first record. Counted on the folder
/// itself, not through the store; after the logout the record left expires within an hour.
@Suite("Anonymous visitors leave nothing on the server")
struct AnonymousFloodTests {
    /// Every regular file under `root` (sessions, locks, temporaries).
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    @Test func formLoadsAndLogoutFlashesWriteNoFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sk-flood-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let configuration = DemoConfiguration(
            port: 0, secretKey: SecretKey.generate(), store: .directory(path: root, durability: .noSync))
        let engine = try makeDemoEngine(configuration: configuration)
        let app = buildDemoApplication(configuration: configuration, engine: engine)
        try await app.test(.router) { client in
            for _ in 0..<500 {
                let form = try await client.execute(uri: "/login", method: .get)
                #expect(form.status == .ok)
                #expect(form.cookiePair != nil)  // the CSRF secret rides in the cookie
            }
            #expect(Self.files(under: root) == [])

            // The form's token works from the cookie alone; the login is the first record.
            let cookie = try await DemoBrowser.login(client, name: "admin")
            #expect(Self.files(under: root).filter { !$0.hasSuffix(".lock") }.count == 1)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            #expect(home.text.contains("Logged in as admin"))

            // Logging out (the tutorial pops `username`) leaves the CSRF secret and the flash:
            // that record now expires within the anonymous lifetime (an hour), not 31 days.
            let logout = try await DemoBrowser.logout(client, cookie: cookie)
            #expect(logout.status == .found)
            guard case .server(let store) = engine.storage else { return }
            let raw = try #require(engine.idSigner.unsign(String(cookie.dropFirst("session=".count))))
            let key = try #require(SessionID(validating: raw)).storageKey
            let now = Int64(Date().timeIntervalSince1970)
            let record = try #require(try await store.load(key, now: now))
            #expect(record.data["username"] == nil)
            #expect(record.expiresAt <= now + 3_600 + 5)
        }
    }
}
