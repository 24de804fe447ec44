import ArgumentParser

@main
struct LeakWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leakwatch", abstract: "LeakWatch")
}
