/// The streaming state machine of ``RecordFraming/jsonRecords``: rewrites `{"Records":[{...},{...}]}` as
/// `{...}\n{...}\n`, in place (the output is never longer than the input), across any cut of the input.
///
/// Elements of an array directly inside a top-level object are copied, their `\n` and `\r` turned into spaces,
/// and each ends in a `\n` where its `,` or `]` was; everything else of the wrapper is dropped. Bytes outside
/// any object are passed through up to the end of their line, so garbage still reaches the parser and is counted.
struct JSONRecordsFramer {
    /// Nesting depth: 0 outside, 1 in the wrapper object, 2 in its array, 3+ inside an element.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// An element of the array is being copied (at depth 2: it was started and its separator not yet seen).
    private var inElement = false
    /// Nesting inside a wrapper value that is not an array (dropped).
    private var droppedDepth = 0
    /// Passing a stray line outside any object through to the parser.
    private var inStrayLine = false

    /// Rewrites `base[0..<count]` in place; returns how many bytes of output it holds.
    mutating func transform(_ base: UnsafeMutableRawPointer, count: Int) -> Int {
        var written = 0
        var index = 0
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index &+= 1
            if let output = step(byte) {
                base.storeBytes(of: output, toByteOffset: written, as: UInt8.self)
                written &+= 1
            }
        }
        return written
    }

    /// Takes one input byte; returns the byte to write, or nil to drop it.
    private mutating func step(_ byte: UInt8) -> UInt8? {
        let copying = depth >= 3 || (depth == 2 && inElement) || inStrayLine
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return copying ? flattened(byte) : nil
        }
        if inStrayLine {
            if byte == UInt8(ascii: "\n") { inStrayLine = false }
            return byte
        }
        if droppedDepth > 0 {
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): droppedDepth &+= 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): droppedDepth &-= 1
            default: break
            }
            return nil
        }
        switch depth {
        case 0:
            if byte == UInt8(ascii: "{") {
                depth = 1
            } else if !isWhitespace(byte) {
                inStrayLine = true
                return byte
            }
            return nil
        case 1:
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["): depth = 2
            case UInt8(ascii: "{"): droppedDepth = 1
            case UInt8(ascii: "}"): depth = 0
            default: break
            }
            return nil
        case 2:
            if !inElement {
                if isWhitespace(byte) || byte == UInt8(ascii: ",") { return nil }
                if byte == UInt8(ascii: "]") {
                    depth = 1
                    return nil
                }
                inElement = true
            }
            switch byte {
            case UInt8(ascii: ","):
                inElement = false
                return UInt8(ascii: "\n")
            case UInt8(ascii: "]"):
                inElement = false
                depth = 1
                return UInt8(ascii: "\n")
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth = 3
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            return flattened(byte)
        default:
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth &+= 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth &-= 1
            case UInt8(ascii: "\""): inString = true
            default: break
            }
            return flattened(byte)
        }
    }

    /// Line breaks inside a record become spaces, so that the record stays one line.
    private func flattened(_ byte: UInt8) -> UInt8 {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}

/// A decoded stream seen through a ``JSONRecordsFramer``.
final class JSONRecordsSource: DecodedByteSource {
    private let inner: any DecodedByteSource
    private var framer = JSONRecordsFramer()
    /// Bytes decoded from the file, before unwrapping (the reader reports these as its raw bytes).
    private(set) var decodedBytes: Int64 = 0

    init(_ inner: any DecodedByteSource) {
        self.inner = inner
    }

    func decode(into destination: UnsafeMutableRawPointer, capacity: Int) throws(IngestError) -> Int {
        while true {
            let decoded = try inner.decode(into: destination, capacity: capacity)
            if decoded == 0 { return 0 }
            decodedBytes += Int64(decoded)
            let framed = framer.transform(destination, count: decoded)
            if framed > 0 { return framed }
        }
    }

    var frameBoundaryOffset: Int64 { inner.frameBoundaryOffset }

    var framesCompleted: Int64 { inner.framesCompleted }

    var compressedBytesRead: Int64 { inner.compressedBytesRead }
}
