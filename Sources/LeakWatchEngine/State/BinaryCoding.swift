/// Little-endian binary writing of plain values and arrays of plain values (state snapshots).
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ text: String) {
        let utf8 = Array(text.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Arrays of trivial types are stored as their raw memory (this format is for the same machine kind).
    mutating func write<T: BitwiseCopyable>(array: [T]) {
        write(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked and fails with a ``StateError``.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func take(_ count: Int) throws(StateError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw StateError(path: path, problem: "truncated at byte \(offset)")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(StateError) -> T {
        let slice = try take(MemoryLayout<T>.size)
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: slice) }
        return T(littleEndian: value)
    }

    mutating func readDouble() throws(StateError) -> Double { Double(bitPattern: try read(UInt64.self)) }

    mutating func readString() throws(StateError) -> String {
        let count = Int(try read(UInt32.self))
        return String(decoding: try take(count), as: UTF8.self)
    }

    mutating func readArray<T: BitwiseCopyable>(of _: T.Type, zero: T) throws(StateError) -> [T] {
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
    package var path: String
    package var problem: String
    package var description: String { "\(path): \(problem)" }
}
