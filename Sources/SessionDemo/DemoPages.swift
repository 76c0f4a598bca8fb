/// The demo's HTML, with the texts of Flask's quickstart "Sessions" example.
public enum DemoPages {
    /// `GET /` for a logged-in user; the name is HTML-escaped.
    public static func loggedIn(as username: String) -> String {
        page(
            title: "Logged in",
            body: "Logged in as \(escapeHTML(username))<p><a href=\"/logout\">click here to log out</a></p>")
    }

    /// `GET /` without a session.
    public static var notLoggedIn: String {
        page(title: "Not logged in", body: "You are not logged in<p><a href=\"/login\">click here to log in</a></p>")
    }

    /// The quickstart's login form, byte for byte.
    public static let loginFormHTML =
        "<form method=\"post\"><p><input type=\"text\" name=\"username\"><p><input type=\"submit\" value=\"Login\"></form>"

    /// `GET /login`, or the form again with an error message above it.
    public static func loginForm(error: String? = nil) -> String {
        let message = error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? ""
        return page(title: "Log in", body: message + loginFormHTML)
    }

    /// A short error page (413, 415 …).
    public static func error(_ message: String) -> String {
        page(title: "Error", body: "<p>\(escapeHTML(message))</p><p><a href=\"/\">back</a></p>")
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(escapeHTML(title)) – SessionKit demo</title></head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Escapes text for HTML element content and quoted attribute values, as MarkupSafe's
    /// `escape` does: `&`, `<`, `>`, `"` and `'`.
    public static func escapeHTML(_ text: String) -> String {
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
