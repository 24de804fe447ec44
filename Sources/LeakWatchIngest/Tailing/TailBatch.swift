/// Complete lines read from one file by one ``LogTailer/poll(now:)``, and where that file stands after them.
package struct TailBatch: Sendable {
    /// The file the lines come from.
    package var file: FileIdentity
    /// The name the file was last seen under.
    package var path: String
    /// The lines: whole lines, each ending in `\n`, at most `maxLineBytes` each. Valid until the next poll, which
    /// reuses the storage.
    package var block: LineBlock
    /// The file's checkpoint position just after these lines.
    package var position: TailPosition
}
