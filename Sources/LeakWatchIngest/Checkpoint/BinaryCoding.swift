/// Little-endian binary writing of plain values and arrays of plain values (engine state, tail checkpoints).
package struct BinaryWriter {
    /// Everything written so far.
    package var bytes: [UInt8] = []

    /// Creates an empty writer.
    package init() {}

    /// Appends `value` in little-endian byte order.
    package mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the bit pattern of `value`.
    package mutating func write(_ value: Double) { write(value.bitPattern) }

    /// Appends the UTF-8 length (32 bits) and bytes of `text`.
    package mutating func write(_ text: String) {
        let utf8 = Array(text.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Arrays of trivial types are stored as their raw memory (this format is for the same machine kind).
    package mutating func write<T: BitwiseCopyable>(array: [T]) {
        write(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked and fails with a ``StateError``.
package struct BinaryReader {
    /// The bytes being read.
    package let bytes: [UInt8]
    /// Offset of the next byte to read.
    package var offset = 0
    /// The file the bytes came from, named in errors.
    package let path: String

    /// Reads `bytes`, naming `path` in any ``StateError``.
    package init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The next `count` bytes.
    package mutating func take(_ count: Int) throws(StateError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw StateError(path: path, problem: "truncated at byte \(offset)")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    /// The next little-endian integer of type `T`.
    package mutating func read<T: FixedWidthInteger>(_: T.Type) throws(StateError) -> T {
        let slice = try take(MemoryLayout<T>.size)
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: slice) }
        return T(littleEndian: value)
    }

    /// The next `Double` written by `BinaryWriter.write(_: Double)`.
    package mutating func readDouble() throws(StateError) -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// The next string written by `BinaryWriter.write(_: String)`.
    package mutating func readString() throws(StateError) -> String {
        let count = Int(try read(UInt32.self))
        return String(decoding: try take(count), as: UTF8.self)
    }

    /// The next array written by ``BinaryWriter/write(array:)``.
    package mutating func readArray<T: BitwiseCopyable>(of _: T.Type, zero: T) throws(StateError) -> [T] {
        let count = Int(try read(UInt64.self))
        guard count >= 0, count < 1 << 34 else { throw StateError(path: path, problem: "bad array length \(count)") }
        let slice = try take(count * MemoryLayout<T>.stride)
        var result = [T](repeating: zero, count: count)
        result.withUnsafeMutableBytes { $0.copyBytes(from: slice) }
        return result
    }
}

/// Saved state that cannot be used.
package struct StateError: Error, CustomStringConvertible, Sendable {
    /// The file concerned.
    package var path: String
    /// What is wrong with it.
    package var problem: String

    /// Creates an error for `path`.
    package init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    package var description: String { "\(path): \(problem)" }
}

extension BinaryWriter {
    /// Starts a record of some kind with its magic number and format version.
    package mutating func writeHeader(magic: UInt32, version: UInt32) {
        write(magic)
        write(version)
    }
}

extension BinaryReader {
    /// Reads what ``BinaryWriter/writeHeader(magic:version:)`` wrote and checks both numbers.
    /// - Parameter kind: what the record is, for the error ("tail checkpoint").
    /// - Throws: ``StateError`` if the magic differs (not such a record) or the version is another.
    package mutating func readHeader(magic: UInt32, version: UInt32, kind: String) throws(StateError) {
        guard try read(UInt32.self) == magic else { throw StateError(path: path, problem: "not a \(kind)") }
        let found = try read(UInt32.self)
        guard found == version else {
            throw StateError(path: path, problem: "\(kind) version \(found) is not supported")
        }
    }
}
