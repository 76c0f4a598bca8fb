import Testing

@testable import SessionKit
@testable import SessionKitDirectory

/// Records at the edge of their slot: an image that fills its slot to the last byte is read back,
/// and a record that grows one key at a time keeps every key as it moves to a bigger file.
@Suite struct DirectoryRecordBoundaryTests {
    let authenticator = RecordAuthenticator(keys: TestFolders.keys, purpose: "SessionKit directory record v1")

    @Test func everyImageSizeUpToTheWholeSlotIsRead() throws {
        let key = DirectorySessionStoreTests.newKey()
        var sizes: Set<Int> = []
        for n in 300...460 {
            let record = DirectorySessionStoreTests.record(["x": .string(String(repeating: "a", count: n))])
            guard let unsealed = SessionRecordFile.unsealed(record), unsealed.count <= 512 else { continue }
            let image = try #require(SessionRecordFile.encode(record, key: key, authenticator: authenticator, slotSize: 512))
            sizes.insert(image.count)
            for slot in 0..<2 {
                var file = [UInt8](repeating: 0, count: 1024)
                file.replaceSubrange(slot * 512..<slot * 512 + image.count, with: image)
                let result = file.withUnsafeBytes { SessionRecordFile.locate($0, key: key, authenticator: authenticator) }
                guard case .current(let current) = result else {
                    Issue.record("a \(image.count)-byte image in slot \(slot) of 512: \(result)")
                    continue
                }
                #expect(current.slot == slot)
            }
        }
        #expect(sizes.contains(512) && sizes.contains(497))  // the last byte, and the MAC's length below it
    }

    @Test func aRecordGrowingOneKeyAtATimeKeepsEveryKey() async throws {
        try await DirectorySessionStoreTests.withStore(durability: .noSync) { store, _ in
            let engine = try SessionEngine(
                configuration: SessionConfiguration(secretKey: SecretKey.generate()), storage: .server(store))
            let browser = Browser(engine)
            try await browser.request { (session: Session) in session["owner"] = "test" }
            for i in 0..<200 {
                try await browser.request { (session: Session) in session["k\(i)"] = .int(i * 1_000) }
                var count = 0
                try await browser.request { (session: Session) in count = session.count }
                #expect(count == i + 2, "after k\(i)")
                if count != i + 2 { break }
            }
        }
    }
}
