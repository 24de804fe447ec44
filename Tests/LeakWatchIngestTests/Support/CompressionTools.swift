import Foundation
import LeakWatchIngest

/// Runs `executable` with `arguments`, feeding `input` (a file) to stdin and writing stdout to `output`.
func runTool(_ executable: String, _ arguments: [String], stdinFrom input: String? = nil, stdoutTo output: String)
    throws
{
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outputHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    defer { try? outputHandle.close() }
    process.standardOutput = outputHandle
    var inputHandle: FileHandle?
    if let input {
        inputHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        process.standardInput = inputHandle
    }
    defer { try? inputHandle?.close() }
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolError(description: "\(executable) \(arguments) exited with \(process.terminationStatus)")
    }
}

struct ToolError: Error, CustomStringConvertible {
    let description: String
}

/// zstd-compresses `bytes` with ``ZstdFileWriter`` (frames without content size, with checksums) and returns
/// the file offsets where each frame ends.
///
/// Frames are cut every `frameBytes` of input, so a frame may end inside a line.
@discardableResult
func writeZstd(_ bytes: [UInt8], to path: String, frameBytes: Int) throws -> [Int64] {
    var writer = try ZstdFileWriter(path: path, frameBytes: frameBytes)
    var frameEnds: [Int64] = []
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + frameBytes)
        try writer.write(Array(bytes[start..<end]))
        try writer.endFrame()
        frameEnds.append(try fileSize(path))
        start = end
    }
    try writer.finish()
    return frameEnds
}

/// Writes each element of `frames` as one zstd frame (no content size, with checksum) and returns the file
/// offsets where each frame ends.
@discardableResult
func writeZstdFrames(_ frames: [[UInt8]], to path: String) throws -> [Int64] {
    var writer = try ZstdFileWriter(path: path, frameBytes: Int.max)
    var frameEnds: [Int64] = []
    for frame in frames {
        try writer.write(frame)
        try writer.endFrame()
        frameEnds.append(try fileSize(path))
    }
    try writer.finish()
    return frameEnds
}

/// A zstd skippable frame: magic `0x184D2A5x`, little-endian payload size, payload.
func skippableFrame(variant: UInt8 = 0, payload: [UInt8]) -> [UInt8] {
    let size = UInt32(payload.count)
    return [0x50 | (variant & 0x0F), 0x2A, 0x4D, 0x18]
        + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        + payload
}

/// Whether the zstd frame starting at `offset` declares its content size (Frame_Header_Descriptor bits).
func zstdFrameDeclaresContentSize(_ file: [UInt8], at offset: Int = 0) -> Bool {
    let descriptor = file[offset + 4]
    let contentSizeFlag = descriptor >> 6
    let singleSegment = descriptor >> 5 & 1
    return contentSizeFlag != 0 || singleSegment == 1
}

func fileSize(_ path: String) throws -> Int64 {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.int64Value ?? -1
}
