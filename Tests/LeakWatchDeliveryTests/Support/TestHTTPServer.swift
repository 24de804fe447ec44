import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1 server on 127.0.0.1 for delivery tests: it records every request and answers with scripted
/// replies (200 once the script is used up). It can be stopped and started again on the same port, to play a
/// receiver that is down. Every response closes its connection, so a stopped server leaves no pooled
/// connection behind.
final class TestHTTPServer: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: HTTPHeaders
        var body: [UInt8]

        func header(_ name: String) -> String { headers.first(name: name) ?? "" }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body = ""
    }

    private struct State {
        var requests: [Request] = []
        var script: [Reply] = []
        var channel: (any Channel)?
        var port = 0
    }

    private let state = Mutex(State())
    /// The port, the same after ``restart()``.
    var port: Int { state.withLock { $0.port } }

    private init() {}

    /// A running server on an ephemeral port.
    static func start() async throws -> TestHTTPServer {
        let server = TestHTTPServer()
        try await server.bind(port: 0)
        return server
    }

    /// Stops listening; requests now fail with "connection refused".
    func stop() async throws {
        let channel = state.withLock { state in
            defer { state.channel = nil }
            return state.channel
        }
        try await channel?.close()
    }

    /// Listens again on the same port.
    func restart() async throws {
        try await bind(port: port)
    }

    /// Listens again unless it already does (for a clock hook that may run more than once).
    func restartIfStopped() async throws {
        if state.withLock({ $0.channel == nil }) { try await bind(port: port) }
    }

    /// Replies to give, in order, before falling back to 200.
    func script(_ replies: [Reply]) {
        state.withLock { $0.script.append(contentsOf: replies) }
    }

    var requests: [Request] { state.withLock { $0.requests } }

    fileprivate func handle(_ request: Request) -> Reply {
        state.withLock { state in
            state.requests.append(request)
            return state.script.isEmpty ? Reply(status: 200) : state.script.removeFirst()
        }
    }

    private func bind(port: Int) async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(server: self))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        state.withLock { state in
            state.channel = channel
            if state.port == 0 { state.port = channel.localAddress?.port ?? 0 }
        }
    }
}

/// Collects one request, asks the server for the reply, writes it and closes the connection.
private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: TestHTTPServer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: TestHTTPServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            let reply = server.handle(TestHTTPServer.Request(
                method: head.method.rawValue, uri: head.uri, headers: head.headers, body: body))
            var headers = HTTPHeaders(reply.headers)
            headers.add(name: "content-length", value: String(reply.body.utf8.count))
            headers.add(name: "connection", value: "close")
            let response = HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: reply.status),
                                            headers: headers)
            context.write(wrapOutboundOut(.head(response)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: reply.body)))), promise: nil)
            let connection = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in connection.value.close(promise: nil) }
        }
    }
}
