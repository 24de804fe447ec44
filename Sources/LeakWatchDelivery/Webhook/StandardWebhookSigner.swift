import Crypto
import Foundation

/// Signs webhook requests per the Standard Webhooks convention (standardwebhooks.com): the signed content is
/// `{webhook-id}.{webhook-timestamp}.{body}`, the signature HMAC-SHA256 under the secret's key, sent as
/// `webhook-signature: v1,<base64>`.
package struct StandardWebhookSigner: Sendable {
    private let key: SymmetricKey

    package init(secret: StandardWebhookSecret) {
        key = SymmetricKey(data: secret.key)
    }

    /// `v1,<base64 HMAC-SHA256>` of the request.
    /// - Parameter timestamp: seconds since the epoch, as sent in `webhook-timestamp`.
    package func signature(id: String, timestamp: Int64, body: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.signedContent(id: id, timestamp: timestamp, body: body),
                                                   using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The three headers for a request: `webhook-id`, `webhook-timestamp` and `webhook-signature`.
    package func headers(id: String, timestamp: Int64, body: [UInt8]) -> [(String, String)] {
        [("webhook-id", id), ("webhook-timestamp", String(timestamp)),
         ("webhook-signature", signature(id: id, timestamp: timestamp, body: body))]
    }

    static func signedContent(id: String, timestamp: Int64, body: [UInt8]) -> [UInt8] {
        Array("\(id).\(timestamp).".utf8) + body
    }

    /// `key` is reused by the verifier, which checks in constant time.
    var symmetricKey: SymmetricKey { key }
}
