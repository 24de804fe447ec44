/// Settings of a ``LogTailer``; the defaults suit a daemon polling every 200 ms.
package struct TailOptions: Sendable {
    /// Longest line delivered, not counting the newline; longer lines are dropped and counted.
    package var maxLineBytes = 1 << 20
    /// Bytes of lines gathered into one batch before it is returned.
    package var batchBytes = 1 << 20
    /// Most batches one ``LogTailer/poll(now:)`` returns; when reached, more input is waiting.
    package var maxBatchesPerPoll = 16
    /// Size of each `read(2)` of a followed file.
    package var readChunkBytes = 1 << 20
    /// How many first bytes of a file its ``ContentFingerprint`` covers.
    package var fingerprintBytes = 1024
    /// A new file is taken for a copy of a known one (copytruncate) if its first bytes match the known file's
    /// fingerprint and that covers at least this many bytes, or everything read from the known file.
    package var minimumCopyFingerprintBytes = 256
    /// A gzip file is read once its size and modification time have not changed for this long.
    package var gzipSettleSeconds = 5.0
    /// A file no longer under the name it was found by (renamed or deleted) is finished once it has not changed for
    /// this long: its last line without a newline is delivered and its descriptor closed.
    package var rotatedIdleSeconds = 5.0
    /// A followed file read to its end and unchanged for this long has its descriptor closed; it is opened again by
    /// name when it changes.
    package var idleCloseSeconds = 60.0
    /// Most events kept for ``LogTailer/takeEvents()``; older ones are dropped (they stay counted).
    package var maxKeptEvents = 1000

    /// Creates the default settings.
    package init() {}
}
