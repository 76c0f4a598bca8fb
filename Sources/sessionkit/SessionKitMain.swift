import SessionKitCLI

/// Entry point of the `sessionkit` executable; all commands live in `SessionKitCLI`.
@main
enum SessionKitMain {
    static func main() {
        SessionKitCommand.main()
    }
}
