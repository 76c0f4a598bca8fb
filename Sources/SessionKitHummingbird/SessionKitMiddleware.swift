public import Hummingbird
public import SessionKit

/// Connects a `SessionEngine` to Hummingbird 2: gives each request a lazily opened session and
/// adds the `Set-Cookie` / `Vary: Cookie` headers the engine asks for to the response.
///
/// The middleware only translates; every decision (whether the cookie is valid, whether to send,
/// refresh or delete it) is the engine's. A handler that never touches `context.session` costs a
/// scan of the `Cookie` header and nothing else: no decoding, no `Set-Cookie`, no `Vary`.
///
/// ```swift
/// let engine = try SessionEngine(configuration: SessionConfiguration(secretKey: key))
/// let router = Router(context: BasicSessionKitRequestContext.self)
/// router.add(middleware: SessionKitMiddleware(engine: engine))   // before the routes
/// router.post("/login") { request, context in
///     let session = try await context.session
///     session["username"] = "admin"
///     return Response.redirect(to: "/", type: .found)
/// }
/// ```
///
/// Errors a handler throws that conform to `HTTPResponseError` (such as `HTTPError(.notFound)`)
/// become their response here, so the session is still saved with it, as Flask does. Other errors
/// pass through unchanged and the session is not saved.
///
/// A session too large for a cookie (`SessionSaveError.cookieTooLarge`) is logged at error level
/// and answered with a 500 whose message names the size. A session store failing to save
/// (`SessionSaveError.store`) or to load (`SessionLoadError`) is logged and answered with a 503:
/// the client keeps its cookie, so an outage does not log anyone out.
public struct SessionKitMiddleware<Context: SessionKitRequestContext>: RouterMiddleware {
    public let engine: SessionEngine

    public init(engine: SessionEngine) {
        self.engine = engine
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let pending = engine.begin(cookieHeaders: request.headers[values: .cookie])
        var context = context
        context.sessionStorage = SessionContextStorage(pending: pending)

        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }

        let headers: SessionResponseHeaders
        do {
            headers = try await engine.finish(pending)
        } catch {
            throw Self.httpError(for: error, request: request, context: context)
        }
        Self.apply(headers, to: &response.headers)
        return response
    }

    /// The 503 message for a session store failure (details are logged, not sent).
    static var storeUnavailableMessage: String {
        "The session store is unavailable. Please try again shortly."
    }

    /// What the client gets when the session cannot be saved. A too-large cookie is the
    /// developer's to fix, so its message (naming the size) is shown; a store failure's details
    /// stay in the log.
    static func httpError(for error: SessionSaveError, request: Request, context: Context) -> HTTPError {
        context.logger.error(
            "session not saved",
            metadata: ["error": "\(error.description)", "path": "\(request.uri.path)"])
        switch error {
        case .cookieTooLarge:
            return HTTPError(.internalServerError, message: error.description)
        case .store:
            return HTTPError(.serviceUnavailable, message: storeUnavailableMessage)
        }
    }

    /// Adds the engine's headers: `Set-Cookie` is appended (other cookies are kept); `Cookie` is
    /// added to `Vary` unless it is already listed or `Vary` is `*`.
    static func apply(_ headers: SessionResponseHeaders, to fields: inout HTTPFields) {
        if headers.varyCookie {
            addVaryCookie(to: &fields)
        }
        // Fields of their own, after any the handler set (which stay as they are); deletions of
        // duplicate cookies first, so that the session's own cookie, set last, wins.
        for deletion in headers.clearCookies {
            fields.append(.init(name: .setCookie, value: deletion))
        }
        if let setCookie = headers.setCookie {
            fields.append(.init(name: .setCookie, value: setCookie))
        }
    }

    static func addVaryCookie(to fields: inout HTTPFields) {
        // Usually the response has no Vary yet: one field appended, no arrays.
        guard fields[.vary] != nil else {
            fields.append(.init(name: .vary, value: "Cookie"))
            return
        }
        var values = fields[values: .vary]
        for value in values {
            for token in value.split(separator: ",") {
                let name = token.trimmingASCIIWhitespace()
                if name == "*" || name.lowercased() == "cookie" { return }
            }
        }
        // Extend the last Vary line, as Werkzeug's `response.vary.add("Cookie")` does.
        let last = values.count - 1
        let existing = values[last].trimmingASCIIWhitespace()
        values[last] = existing.isEmpty ? "Cookie" : existing + ", Cookie"
        fields[values: .vary] = values
    }
}

extension StringProtocol {
    fileprivate func trimmingASCIIWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
