package import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
package import Prometheus
import ServiceLifecycle

/// Serves `GET /metrics` (Prometheus text format) and `GET /healthz` (JSON; 503 when unhealthy) on one address,
/// 127.0.0.1 by default.
package final class MetricsServer: Service {
    let host: String
    let port: Int
    let registry: PrometheusCollectorRegistry
    let status: MonitorStatus
    let logger: Logger

    package init(host: String, port: Int, registry: PrometheusCollectorRegistry, status: MonitorStatus, logger: Logger) {
        self.host = host
        self.port = port
        self.registry = registry
        self.status = status
        self.logger = logger
    }

    package func run() async throws {
        let registry = self.registry
        let status = self.status
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHandler(registry: registry, status: status))
                }
            }
            .bind(host: host, port: port)
            .get()
        logger.info("metrics and health endpoints listening", metadata: ["address": "\(host):\(port)"])
        try await withGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }
}

/// Answers one request per connection.
final class MetricsHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let registry: PrometheusCollectorRegistry
    let status: MonitorStatus
    private var request: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry, status: MonitorStatus) {
        self.registry = registry
        self.status = status
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let request else { return }
            self.request = nil
            respond(to: request, context: context)
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = request.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.uri
        var code = HTTPResponseStatus.ok
        var type = "text/plain; charset=utf-8"
        var body: [UInt8]
        if request.method != .GET && request.method != .HEAD {
            code = .methodNotAllowed
            body = Array("only GET\n".utf8)
        } else if path == "/metrics" {
            type = "text/plain; version=0.0.4; charset=utf-8"
            body = []
            registry.emit(into: &body)
        } else if path == "/healthz" {
            let health = status.health()
            code = health.ok ? .ok : .serviceUnavailable
            type = "application/json"
            body = Array((health.body + "\n").utf8)
        } else {
            code = .notFound
            body = Array("not found: try /metrics or /healthz\n".utf8)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: code, headers: headers))),
                      promise: nil)
        if request.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        let channel = context.channel
        done.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
}
