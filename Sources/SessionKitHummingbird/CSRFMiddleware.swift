public import Hummingbird
import NIOCore
public import SessionKit

/// Refuses cross-site requests: every unsafe request (POST, PUT, PATCH, DELETE) must come from
/// this site (`Origin`/`Referer`, see `CSRFProtection`) and carry the session's CSRF token in the
/// configured header or, for `application/x-www-form-urlencoded` bodies, form field; otherwise it
/// is answered 403 with a message saying what was wrong. Add it after `SessionKitMiddleware`; put the
/// token into forms with `context.csrfToken()`.
///
/// ```swift
/// router.add(middleware: SessionKitMiddleware(engine: engine))
/// router.add(middleware: CSRFMiddleware())
/// router.get("/form") { _, context in
///     let token = try await context.csrfToken()
///     return "<form method=post><input type=hidden name=csrf_token value=\(token)> …"
/// }
/// ```
///
/// Multipart forms are not read: scripts and such forms send the token in the header. A form body
/// larger than `maxFormBodySize` gets 413.
public struct CSRFMiddleware<Context: SessionKitRequestContext>: RouterMiddleware {
    public let protection: CSRFProtection

    public init(configuration: CSRFProtection.Configuration = CSRFProtection.Configuration()) {
        self.protection = CSRFProtection(configuration: configuration)
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard CSRFProtection.isUnsafe(method: request.method.rawValue) else { return try await next(request, context) }
        let configuration = protection.configuration
        let facts = CSRFProtection.Request(
            method: request.method.rawValue,
            isHTTPS: request.head.scheme?.lowercased() == "https",
            host: request.head.authority,
            origin: request.headers[.origin],
            referer: request.headers[.referer])
        if let failure = protection.checkOrigin(facts) { return Self.forbidden(failure, request, context) }

        var request = request
        var token: String?
        let headerName = configuration.headerName.lowercased()
        if let value = request.headers.first(where: { $0.name.canonicalName == headerName })?.value {
            token = value
        } else if Self.isForm(request.headers[.contentType]) {
            let tooLarge = HTTPError(
                .contentTooLarge, message: "The form is too large (the limit is \(configuration.maxFormBodySize) bytes).")
            // A declared length over the limit is refused before waiting for a byte of it.
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxFormBodySize {
                throw tooLarge
            }
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: configuration.maxFormBodySize)
            } catch is NIOTooManyBytesError {
                throw tooLarge
            }
            token = CSRFProtection.formValue(named: configuration.formField, in: body.readableBytesView)
        }
        let session = try await context.session
        if let failure = protection.checkToken(token, session: session) { return Self.forbidden(failure, request, context) }
        return try await next(request, context)
    }

    static func forbidden(_ failure: CSRFProtection.Failure, _ request: Request, _ context: Context) -> Response {
        context.logger.notice("CSRF check failed", metadata: ["reason": "\(failure)", "path": "\(request.uri.path)"])
        return Response(
            status: .forbidden,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: failure.description + "\n")))
    }

    static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return mediaType.filter { $0 != " " && $0 != "\t" }.lowercased() == "application/x-www-form-urlencoded"
    }
}

extension SessionKitRequestContext {
    /// A masked CSRF token for one form or page (`CSRFToken.masked`); creates the session's
    /// secret when it has none.
    public func csrfToken() async throws -> String {
        CSRFToken.masked(for: try await session)
    }
}
