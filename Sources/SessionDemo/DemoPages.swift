import SessionKit

/// The demo's HTML, with the texts of Flask's quickstart "Sessions" example.
package enum DemoPages {
    /// `GET /` for a logged-in user; the name is HTML-escaped. The link leads to the logout
    /// page, whose button POSTs (a GET that logged out could be fired by any site's image tag);
    /// so this page, the read path, needs no CSRF token.
    package static func loggedIn(as username: String, flashes: [FlashMessage] = []) -> String {
        page(
            title: "Logged in",
            body: flashList(flashes) + "Logged in as \(escapeHTML(username))"
                + "<p><a href=\"/logout\">click here to log out</a></p>")
    }

    /// `GET /` without a session.
    package static func notLoggedIn(flashes: [FlashMessage] = []) -> String {
        page(
            title: "Not logged in",
            body: flashList(flashes) + "You are not logged in<p><a href=\"/login\">click here to log in</a></p>")
    }

    /// The quickstart's login form, plus the CSRF token.
    package static func loginFormHTML(csrfToken: String) -> String {
        "<form method=\"post\" action=\"/login\">\(tokenField(csrfToken))<p><input type=\"text\" name=\"username\">"
            + "<p><input type=\"submit\" value=\"Login\"></form>"
    }

    /// `GET /login`, or the form again with an error message above it.
    package static func loginForm(csrfToken: String, error: String? = nil) -> String {
        let message = error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? ""
        return page(title: "Log in", body: message + loginFormHTML(csrfToken: csrfToken))
    }

    /// `GET /logout`: the button that logs out (a POST with the CSRF token).
    package static func logoutPage(csrfToken: String) -> String {
        page(title: "Log out", body: "<p>Log out of the demo?</p>" + logoutForm(csrfToken: csrfToken))
    }

    static func logoutForm(csrfToken: String) -> String {
        "<form method=\"post\" action=\"/logout\">\(tokenField(csrfToken))"
            + "<p><button type=\"submit\">click here to log out</button></p></form>"
    }

    static func tokenField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf_token\" value=\"\(escapeHTML(token))\">"
    }

    /// Flashed messages, as Flask's tutorial templates list them.
    static func flashList(_ flashes: [FlashMessage]) -> String {
        guard !flashes.isEmpty else { return "" }
        let items = flashes.map { "<li class=\"\(escapeHTML($0.category))\">\(escapeHTML($0.message))</li>" }
        return "<ul class=\"flashes\">" + items.joined() + "</ul>"
    }

    /// A short error page (413, 415 …).
    package static func error(_ message: String) -> String {
        page(title: "Error", body: "<p>\(escapeHTML(message))</p><p><a href=\"/\">back</a></p>")
    }

    static func page(title: String, body: String) -> String {
        let title = escapeHTML(title)
        var out = ""
        out.reserveCapacity(pageHead.utf8.count + title.utf8.count + pageMiddle.utf8.count + body.utf8.count + pageTail.utf8.count)
        out += pageHead
        out += title
        out += pageMiddle
        out += body
        out += pageTail
        return out
    }

    private static let pageHead = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>"
    private static let pageMiddle = " – SessionKit demo</title></head>\n<body>\n"
    private static let pageTail = "\n</body>\n</html>\n"

    /// Escapes text for HTML element content and quoted attribute values, as MarkupSafe's
    /// `escape` does: `&`, `<`, `>`, `"` and `'`.
    package static func escapeHTML(_ text: String) -> String {
        // Most text (a user name, a title) has nothing to escape: no copy.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
