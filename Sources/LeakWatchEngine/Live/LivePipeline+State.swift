package import LeakWatchIngest
import LeakWatchParsing

/// The live pipeline's buffered events, saved with the monitor's checkpoint.
///
/// A checkpoint must not force the merge forward (that would make a lagging input's next lines late, and a restart
/// differ from an uninterrupted run), so the events read but not yet aggregated are saved as they are, with each
/// input's format, header and order, and restored before reading goes on.
extension LivePipeline {
    static let stateMagic: UInt32 = 0x4c57_4c50  // "LWLP"
    static let stateVersion: UInt32 = 1

    /// Every input (in registration order) with its format and unreleased events.
    package func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeHeader(magic: Self.stateMagic, version: Self.stateVersion)
        writer.write(UInt32(MemoryLayout<ParsedEvent>.stride))
        writer.write(UInt32(sources.count))
        for source in sources { source.encode(into: &writer) }
        return writer.bytes
    }

    /// Replaces the inputs with those saved by ``encoded()``; `wallMillis` counts as their last delivery and starts
    /// the hold on releases again (see ``LivePipeline``).
    /// - Throws: ``StateError`` if the bytes are damaged or from another build's event layout.
    package func restore(from bytes: [UInt8], path: String, wallMillis: Int64) throws(StateError) {
        var reader = BinaryReader(bytes: bytes, path: path)
        try reader.readHeader(magic: Self.stateMagic, version: Self.stateVersion, kind: "live pipeline state")
        guard try reader.read(UInt32.self) == UInt32(MemoryLayout<ParsedEvent>.stride) else {
            throw StateError(path: path, problem: "live pipeline state was saved by a build with another event layout")
        }
        let count = try reader.read(UInt32.self)
        var restored: [LiveSource] = []
        for _ in 0..<count {
            restored.append(try LiveSource(decoding: &reader, options: options, wallMillis: wallMillis, path: path))
        }
        replaceSources(restored, wallMillis: wallMillis)
    }
}

extension LiveSource {
    func encode(into writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(path)
        writer.write(format?.rawValue ?? "")
        writer.write(array: header)
        writer.write(firstTime)
        writer.write(newestTime)
        var pending = ParsedBatch()
        var index = chunk
        while index < batches.count {
            let batch = batches[index]
            for event in batch.events[(index == chunk ? position : 0)...] {
                var copy = event
                copy.endpoint = Self.rebase(event.endpoint, from: batch, into: &pending)
                copy.principal = Self.rebase(event.principal, from: batch, into: &pending)
                copy.sourceIP = Self.rebase(event.sourceIP, from: batch, into: &pending)
                copy.destination = Self.rebase(event.destination, from: batch, into: &pending)
                copy.jobID = Self.rebase(event.jobID, from: batch, into: &pending)
                pending.events.append(copy)
            }
            index += 1
        }
        writer.write(array: pending.events)
        writer.write(array: pending.arena)
    }

    convenience init(
        decoding reader: inout BinaryReader, options: ReplayOptions, wallMillis: Int64, path: String
    ) throws(StateError) {
        let name = try reader.readString()
        let sourcePath = try reader.readString()
        let formatName = try reader.readString()
        let header = try reader.readArray(of: UInt8.self, zero: 0)
        let first = try reader.read(Int64.self)
        let newest = try reader.read(Int64.self)
        var batch = ParsedBatch()
        batch.events = try reader.readArray(of: ParsedEvent.self, zero: ParsedEvent())
        batch.arena = try reader.readArray(of: UInt8.self, zero: 0)
        for event in batch.events {
            for key in [event.endpoint, event.principal, event.sourceIP, event.destination, event.jobID]
            where key.isPresent && Int(key.start) + Int(key.length) > batch.arena.count {
                throw StateError(path: path, problem: "live pipeline state refers past its key bytes")
            }
        }
        var format: LogFormat?
        if !formatName.isEmpty {
            guard let known = LogFormat(rawValue: formatName) else {
                throw StateError(path: path, problem: "live pipeline state names an unknown format \"\(formatName)\"")
            }
            format = known
        }
        self.init(name: name, path: sourcePath, options: options)
        restore(format: format, header: header, firstTime: first, newestTime: newest, pending: batch,
                wallMillis: wallMillis)
    }

    /// `key` copied from `batch`'s arena to the end of `target`'s.
    private static func rebase(_ key: KeyRef, from batch: ParsedBatch, into target: inout ParsedBatch) -> KeyRef {
        guard key.isPresent else { return key }
        let start = Int(key.start)
        let moved = KeyRef(hash: key.hash, start: Int32(target.arena.count), length: key.length)
        target.arena.append(contentsOf: batch.arena[start..<(start + Int(key.length))])
        return moved
    }
}
