import Hummingbird
import Logging
import NIOCore
import SessionKit
import SessionKitDirectory
import SessionKitHummingbird
import SessionKitSQLite
import SessionKitRedis
import SessionKitPostgres
import ServiceLifecycle

/// Where the demo server is listening, once bound.
package struct DemoServerAddress: Sendable, Equatable, CustomStringConvertible {
    package var host: String
    package var port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://127.0.0.1:8080`; IPv6 hosts are bracketed.
    package var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    package var description: String { url }
}

/// The engine the demo uses for `configuration`: Flask's defaults with its key, on its store.
/// Throws `SessionConfigurationError` when the key is missing, or weak and `allowWeakKeys` is off,
/// and `SessionStoreError` when the store cannot be opened (e.g. the folder is not writable).
package func makeDemoEngine(
    configuration: DemoConfiguration,
    logger: Logger? = nil
) throws -> SessionEngine {
    // The key first: a bad key is reported before any store is opened.
    _ = try configuration.sessionConfiguration.validatedKeys()
    let logger = logger ?? demoLogger(label: "SessionKit", level: configuration.logLevel)
    return try SessionEngine(
        configuration: configuration.sessionConfiguration,
        storage: makeDemoStorage(configuration.store, logger: logger),
        clock: .system,
        logger: logger)
}

/// The storage for a `DemoStore` choice. `logger`: the directory store's (the engine's, in
/// `makeDemoEngine`).
package func makeDemoStorage(
    _ store: DemoStore, logger: Logger = Logger(label: "SessionKit.DirectorySessionStore")
) throws -> SessionStorageMode {
    switch store {
    case .cookie: return .cookie
    case .memory: return .server(MemorySessionStore())
    case .directory(let path, let durability):
        return .server(
            try DirectorySessionStore(
                directory: path ?? DirectorySessionStore.defaultDirectory, durability: durability, logger: logger))
    case .sqlite(let path, let busyTimeout):
        let path = path ?? SQLiteSessionStore.defaultPath
        if let busyTimeout { return .server(try SQLiteSessionStore(path: path, busyTimeout: busyTimeout)) }
        return .server(try SQLiteSessionStore(path: path))
    case .redis(let url):
        // Connects lazily: a Redis that is down at startup gives 503s until it is up.
        return .server(try RedisSessionStore(url: url, logger: demoLogger(label: "SessionKitRedis", level: .info)))
    case .postgres(let url, let operationTimeout):
        // Its connection pool runs until `shutdownDemoStorage(engine:)`.
        var logger = Logger(label: "SessionKit.PostgresSessionStore")
        logger.logLevel = .info
        var configuration = try PostgresSessionStore.Configuration(url: url)
        if let operationTimeout { configuration.operationTimeout = operationTimeout }
        return .server(try PostgresSessionStore(configuration: configuration, logger: logger))
    }
}

/// Checks the store at startup where that can fail (PostgreSQL: reachable, credentials, table
/// created); returns a warning to print, or nil. A store that is down is not fatal: the demo
/// answers 503 until it is back.
package func checkDemoStorage(engine: SessionEngine) async -> String? {
    guard case .server(let store) = engine.storage, let postgres = store as? PostgresSessionStore else { return nil }
    do {
        try await postgres.prepare()
        return nil
    } catch {
        return "warning: the PostgreSQL session store is not usable yet (\(error)); requests answer 503 until it is"
    }
}

/// Releases what the store holds (PostgreSQL: closes the connection pool); call after serving.
/// (The directory store's last writes are synced by its `syncService`, one of `demoServices`.)
package func shutdownDemoStorage(engine: SessionEngine) async {
    guard case .server(let store) = engine.storage, let postgres = store as? PostgresSessionStore else { return }
    await postgres.shutdown()
}

/// The store's background work, as services for the application's `ServiceGroup`: a sweeper
/// removing expired sessions every minute for stores without native expiry (PostgreSQL: one
/// process at a time per table), and the directory store's syncs (every second, and at
/// graceful shutdown).
package func demoServices(engine: SessionEngine) -> [any Service] {
    guard case .server(let store) = engine.storage else { return [] }
    let logger = demoLogger(label: "SessionKit.SessionSweeper", level: .info)
    switch store {
    case let memory as MemorySessionStore: return [SessionSweeper(memory, every: .seconds(60), logger: logger)]
    case let directory as DirectorySessionStore:
        return [directory.syncService, SessionSweeper(directory, every: .seconds(60), logger: logger)]
    case let sqlite as SQLiteSessionStore: return [SessionSweeper(sqlite, every: .seconds(60), logger: logger)]
    case let postgres as PostgresSessionStore: return [SessionSweeper(postgres, every: .seconds(60), logger: logger)]
    default: return []
    }
}

/// The tutorial app: session middleware plus the routes of Flask's quickstart "Sessions" example.
///
/// - `GET /` — `Logged in as <name>` or `You are not logged in`
/// - `GET /login` — the login form; `POST /login` — stores `username` and redirects to `/`
/// - `GET /logout` — a page with the logout button; `POST /logout` — removes `username` and
///   redirects to `/`
/// `POST /login` and `POST /logout` need the session's CSRF token (`CSRFMiddleware`), as do the
/// playground API's unsafe methods (in the `X-CSRFToken` header); `/` shows the flashed
/// "You were logged in" / "You were logged out". Too much user input (a name over
/// `maxUsernameLength` bytes, a session that no longer fits in its cookie) is a 4xx with a message.
/// - `GET /plain` — `ok`, never touching the session (a baseline for benchmarks)
package func buildDemoRouter(
    engine: SessionEngine,
    configuration: DemoConfiguration = DemoConfiguration()
) -> Router<BasicSessionKitRequestContext> {
    let router = Router(context: BasicSessionKitRequestContext.self)
    router.add(middleware: SessionKitMiddleware(engine: engine))
    let maxBody = configuration.maxFormBodySize
    let maxName = configuration.maxUsernameLength

    router.get("/") { _, context -> Response in
        let session = try await context.session
        let flashes = session.consumeFlashes()
        // Flask: `if 'username' in session`.
        guard session.contains("username"), let value = session["username"] else {
            return .html(DemoPages.notLoggedIn(flashes: flashes))
        }
        // Flask's page shows `str(session["username"])`, whatever the value's type.
        return .html(DemoPages.loggedIn(as: value.pythonStr, flashes: flashes))
    }

    router.get("/login") { _, context -> Response in
        .html(DemoPages.loginForm(csrfToken: try await context.csrfToken()))
    }

    router.get("/logout") { _, context -> Response in
        .html(DemoPages.logoutPage(csrfToken: try await context.csrfToken()))
    }

    // The forms' targets: only same-site requests with the session's CSRF token get here.
    let forms = router.group().add(middleware: CSRFMiddleware(configuration: .init(maxFormBodySize: maxBody)))

    forms.post("/login") { request, context -> Response in
        guard FormBody.isFormContentType(request.headers[.contentType]) else {
            return .html(
                DemoPages.error("Send the login form as application/x-www-form-urlencoded."),
                status: .unsupportedMediaType)
        }
        let tooLarge = Response.html(
            DemoPages.error("The form is too large (the limit is \(maxBody) bytes)."), status: .contentTooLarge)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody {
            return tooLarge
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            return tooLarge
        }
        let form: FormBody
        do {
            form = try FormBody(parsing: body.readableBytesView)
        } catch {
            return .html(
                DemoPages.loginForm(csrfToken: try await context.csrfToken(), error: "Bad form: \(error)."),
                status: .badRequest)
        }
        guard let username = form["username"], !isBlank(username) else {
            return .html(
                DemoPages.loginForm(csrfToken: try await context.csrfToken(), error: "Please enter a user name."),
                status: .badRequest)
        }
        // Bytes, not Characters: one letter with 10,000 combining marks is one Character.
        guard username.utf8.count <= maxName else {
            return .html(
                DemoPages.loginForm(
                    csrfToken: try await context.csrfToken(),
                    error: "The user name is too long (at most \(maxName) bytes of UTF-8)."),
                status: .badRequest)
        }
        let session = try await context.session
        let previous = (name: session["username"], flashes: session[Session.flashesKey])
        session["username"] = .string(username)
        session.flash("You were logged in")
        do {
            try engine.checkCookieSize(of: session)
        } catch {
            // Too large for the cookie (cookie store): the user's input, so a 413, and the
            // session stays as it was.
            session["username"] = previous.name
            session[Session.flashesKey] = previous.flashes
            return .html(
                DemoPages.loginForm(
                    csrfToken: try await context.csrfToken(),
                    error: "The user name is too long: \(tooLargeReason(error))."),
                status: .contentTooLarge)
        }
        // A new id at login: an id planted before login (session fixation) is worth nothing; the
        // CSRF secret is replaced with it.
        session.regenerate()
        return .redirect(to: "/", type: .found)
    }

    forms.post("/logout") { _, context -> Response in
        let session = try await context.session
        session.pop("username")
        session.flash("You were logged out")
        return .redirect(to: "/", type: .found)
    }

    router.get("/plain") { _, _ -> Response in
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "ok")))
    }

    if configuration.playground {
        addPlaygroundRoutes(to: router, engine: engine, maxBodySize: maxBody)
    }
    return router
}

/// The demo as a runnable application bound to `configuration.host`/`port`, using `engine`.
/// `onServerRunning` is called once the socket is bound, with the actual address (useful with
/// port 0).
package func buildDemoApplication(
    configuration: DemoConfiguration,
    engine: SessionEngine,
    onServerRunning: @escaping @Sendable (DemoServerAddress) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let host = configuration.host
    let port = configuration.port
    return Application(
        router: buildDemoRouter(engine: engine, configuration: configuration),
        configuration: ApplicationConfiguration(
            address: .hostname(host, port: port),
            serverName: nil
        ),
        services: demoServices(engine: engine),
        onServerRunning: { channel in
            let address = channel.localAddress
            await onServerRunning(
                DemoServerAddress(host: address?.ipAddress ?? host, port: address?.port ?? port))
        },
        logger: demoLogger(label: "session-demo", level: configuration.logLevel)
    )
}

/// The demo with an engine made from `configuration` (whose `secretKey` must be set).
package func buildDemoApplication(
    configuration: DemoConfiguration,
    onServerRunning: @escaping @Sendable (DemoServerAddress) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let engine = try makeDemoEngine(configuration: configuration)
    return buildDemoApplication(configuration: configuration, engine: engine, onServerRunning: onServerRunning)
}

func demoLogger(label: String, level: Logger.Level) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = level
    return logger
}

/// Why a session did not fit, for the user whose input made it too large.
func tooLargeReason(_ error: any Error) -> String {
    guard case .cookieTooLarge(let size, let limit) = error as? SessionSaveError else { return "\(error)" }
    return "the session cookie would be \(size) bytes, over the \(limit)-byte limit"
}

func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
}

extension Response {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
