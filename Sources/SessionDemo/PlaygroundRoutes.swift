import Hummingbird
import NIOCore
import SessionKit
import SessionKitHummingbird

/// The `--playground` JSON API, for tests and benchmarks. Values are Flask's tagged JSON.
///
/// - `GET /api/session` — the session as a JSON object
/// - `PUT /api/session/{key}` — body: a JSON value; stores it under `key`
/// - `DELETE /api/session/{key}` — removes `key`
/// - `POST /api/session/regenerate` — a new id, same data
/// - `POST /api/session/destroy` — ends the session
func addPlaygroundRoutes(to router: Router<BasicSessionRequestContext>, maxBodySize: Int) {
    let api = router.group("api/session")

    api.get { _, context -> Response in
        let session = try await context.session
        return .json(TaggedJSON.encode(.object(session.dictionary)))
    }

    api.put(":key") { request, context -> Response in
        let key = try context.parameters.require("key")
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodySize)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "The body is over \(maxBodySize) bytes.")
        }
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(body.readableBytesView)
        } catch {
            throw HTTPError(.badRequest, message: "The body is not JSON: \(error)")
        }
        let session = try await context.session
        session[key] = value
        return Response(status: .noContent)
    }

    api.delete(":key") { _, context -> Response in
        let key = try context.parameters.require("key")
        try await context.session.pop(key)
        return Response(status: .noContent)
    }

    api.post("regenerate") { _, context -> Response in
        try await context.session.regenerate()
        return Response(status: .noContent)
    }

    api.post("destroy") { _, context -> Response in
        try await context.session.destroy()
        return Response(status: .noContent)
    }
}

extension Response {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
