/// Placeholder keys from tutorials and leaked defaults from popular projects: a cookie signed with
/// any of these can be forged by anyone (flask-unsign's wordlist carries them all). Matched whole;
/// `KeyStrength` catches the variations (other words, runs, repetitions).
enum WeakSecretKeys {
    static let known: Set<String> = [
        "dev", "development", "debug", "test", "testing", "secret", "secret-key", "secret_key",
        "secretkey", "secret key", "mysecret", "my-secret", "my_secret", "mysecretkey",
        "my-secret-key", "my_secret_key", "your-secret-key", "your_secret_key", "yoursecretkey",
        "changeme", "change-me", "change_me", "change this", "changethis", "change-this",
        "password", "passw0rd", "default", "key", "admin", "flask", "django", "sessionkit",
        "any random string", "you-will-never-guess", "super-secret", "supersecret",
        "super secret key", "super-secret-key", "super_secret_key", "keyboard cat",
        "hard to guess string", "hard-to-guess-string", "a really long secret key",
        "dev-secret-key-not-for-production", "not-so-secret", "notsosecret", "s3cr3t",
        "thisisasecret_1234", "change_me_to_a_complex_random_secret",
        "\\x02\\xf3\\xed\\x9e\\x9c\\x06\\x15\\x0c\\x1a\\x0c\\x97\\x18\\xc2\\xa7\\x9e\\xd3",
        "_5#y2l\"f4q8z\\n\\xec]/", "_5#y2l\"f4q8z\n\u{ec}]/",
        "192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf",
        "changeme-to-a-random-secret", "replace-me", "replaceme", "todo", "xxx", "12345",
        "123456", "1234567890", "abcdef", "qwerty", "letmein",
        "the quick brown fox jumps over the lazy dog", "correct horse battery staple",
    ]

    /// Case-insensitive match against the list (leaked keys get retyped in other cases).
    static func isKnown(_ key: String) -> Bool {
        known.contains(key.lowercased()) || known.contains(key)
    }
}
