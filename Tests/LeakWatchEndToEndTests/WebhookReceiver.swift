import Foundation

/// A minimal HTTP/1.1 receiver on 127.0.0.1 for end-to-end tests: answers every POST with 204 and keeps each
/// request's headers and body. It listens only once ``start()`` is called, so a test can have it "down" first.
final class WebhookReceiver: @unchecked Sendable {
    struct Request: Sendable {
        var headers: [String: String]
        var body: [UInt8]
    }

    let port: Int
    // Safe: `received` and `listener` are guarded by `lock`.
    private let lock = NSLock()
    private var received: [Request] = []
    private var listener: Int32 = -1

    init(port: Int) {
        self.port = port
    }

    deinit { stop() }

    var requests: [Request] { lock.withLock { received } }

    /// Binds, listens and serves on a background thread.
    func start() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw CocoaError(.fileWriteUnknown)
        }
        lock.withLock { listener = descriptor }
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                if let request = Self.read(client) {
                    lock.withLock { received.append(request) }
                }
                let answer = Array("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
                _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
    }

    func stop() {
        lock.withLock {
            if listener >= 0 {
                shutdown(listener, Int32(SHUT_RDWR))
                close(listener)
                listener = -1
            }
        }
    }

    /// Reads one request: headers up to the blank line, then `Content-Length` bytes of body.
    private static func read(_ client: Int32) -> Request? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var expected = Int.max
        while bytes.count < expected {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += chunk[0..<count]
            if headerEnd == nil, let end = bytes.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound {
                headerEnd = end
                let head = String(decoding: bytes[0..<end], as: UTF8.self)
                var length = 0
                for line in head.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
                expected = end + length
            }
        }
        guard let end = headerEnd else { return nil }
        var headers: [String: String] = [:]
        for line in String(decoding: bytes[0..<end], as: UTF8.self).split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Request(headers: headers, body: Array(bytes[end..<expected]))
    }
}
