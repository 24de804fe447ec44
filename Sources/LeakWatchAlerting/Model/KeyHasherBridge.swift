import LeakWatchParsing

/// The engine's deterministic hash, for alert ids.
enum KeyHasherBridge {
    static func hash(_ text: String) -> UInt64 { KeyHasher.hash(text) }
}
