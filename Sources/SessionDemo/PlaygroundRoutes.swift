import Hummingbird
import NIOCore
import SessionKit
import SessionKitHummingbird

/// The `--playground` JSON API, for tests and benchmarks. Values are Flask's tagged JSON.
///
/// - `GET /api/session` — the session as a JSON object; the `X-CSRFToken` response header holds
///   a CSRF token for the calls below
/// - `PUT /api/session/{key}` — body: a JSON value; stores it under `key`
/// - `DELETE /api/session/{key}` — removes `key`
/// - `POST /api/session/regenerate` — a new id, same data
/// - `POST /api/session/destroy` — ends the session
///
/// The unsafe methods are CSRF-protected like the forms (`CSRFMiddleware`): they need the token
/// in `X-CSRFToken`, else 403. A body over `maxBodySize` is a 413, a body that is not JSON a 400,
/// and a value that makes the session too large (over its cookie, or over `maxSessionSize` bytes
/// of JSON in a store) a 413 that leaves the session as it was.
func addPlaygroundRoutes(
    to router: Router<BasicSessionKitRequestContext>,
    engine: SessionEngine,
    maxBodySize: Int,
    maxSessionSize: Int = 1 << 20
) {
    let csrf = CSRFProtection.Configuration(maxFormBodySize: maxBodySize)
    let tokenHeader = HTTPFields.Element.Name(csrf.headerName)
    let api = router.group("api/session").add(middleware: CSRFMiddleware(configuration: csrf))

    api.get { _, context -> Response in
        let token = try await context.csrfToken()
        let session = try await context.session
        var response = Response.json(TaggedJSON.encode(.object(session.dictionary)))
        if let tokenHeader { response.headers[tokenHeader] = token }
        return response
    }

    api.put(":key") { request, context -> Response in
        let key = try context.parameters.require("key")
        let tooLarge = HTTPError(.contentTooLarge, message: "The body is over \(maxBodySize) bytes.")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodySize {
            throw tooLarge
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodySize)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
        let value: SessionValue
        do {
            value = try TaggedJSON.decode(body.readableBytesView)
        } catch {
            throw HTTPError(.badRequest, message: "The body is not JSON: \(error)")
        }
        let session = try await context.session
        let previous = session[key]
        session[key] = value
        if let reason = sizeProblem(of: session, engine: engine, maxSessionSize: maxSessionSize) {
            session[key] = previous
            throw HTTPError(.contentTooLarge, message: "The value does not fit: \(reason).")
        }
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

/// Why `session` is too large to save, or nil: over its cookie in cookie mode, over
/// `maxSessionSize` bytes of tagged JSON in a store.
private func sizeProblem(of session: Session, engine: SessionEngine, maxSessionSize: Int) -> String? {
    do {
        try engine.checkCookieSize(of: session)
    } catch {
        return tooLargeReason(error)
    }
    guard case .server = engine.storage else { return nil }
    let size = TaggedJSON.encode(.object(session.dictionary)).count
    return size > maxSessionSize ? "the session would be \(size) bytes, over the \(maxSessionSize)-byte limit" : nil
}

extension Response {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
