import SessionKitCLI

/// Entry point of the `sessionkit` executable; all commands live in `SessionKitCLI`. The root
/// command is asynchronous (the `store` subcommands await their store).
@main
enum SessionKitMain {
    static func main() async {
        await SessionKitCommand.main()
    }
}
