/// Uncompressed input: the prefix read for detection is copied out once, then reads go straight into blocks.
final class PlainByteSource: DecodedByteSource {
    private let input: FileInput
    private let readChunkBytes: Int

    init(input: FileInput, readChunkBytes: Int) {
        self.input = input
        self.readChunkBytes = max(1, readChunkBytes)
    }

    func decode(into destination: UnsafeMutableRawPointer, capacity: Int) throws(IngestError) -> Int {
        let buffered = min(input.available, capacity)
        if buffered > 0 {
            destination.copyMemory(from: input.buffer + input.start, byteCount: buffered)
            input.start += buffered
            return buffered
        }
        return try input.readDirect(into: destination, count: min(capacity, readChunkBytes))
    }

    var frameBoundaryOffset: Int64 { input.bytesRead - Int64(input.available) }

    var framesCompleted: Int64 { 0 }

    var compressedBytesRead: Int64 { input.bytesRead }
}
