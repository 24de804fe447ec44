import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// POSTs JSON to one URL with a timeout and turns the response, or the failure to get one, into a
/// ``DeliveryOutcome``.
struct HTTPPoster: Sendable {
    let client: HTTPClient
    let url: String
    let timeout: Duration

    /// Sends `body` with `headers` (plus `content-type: application/json`).
    func post(_ body: [UInt8], headers: [(String, String)], nowMillis: Int64) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "leakwatch")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(timeout.milliseconds))
            let status = Int(response.status.code)
            var outcome = DeliveryOutcome.of(
                status: status, retryAfter: response.headers.first(name: "retry-after"), nowMillis: nowMillis)
            // Read the body (up to 1 MiB): a refusal's first 4 KiB explain it, and a read body frees the connection.
            let text = (try? await response.body.collect(upTo: 1 << 20)).map { String(buffer: $0) } ?? ""
            if case .rejected(let status, let reason) = outcome, !text.isEmpty {
                outcome = .rejected(status: status, reason: reason + ": " + String(text.prefix(4096)))
            }
            return outcome
        } catch {
            return .retry(after: nil, reason: "\(error)")
        }
    }
}
