import Crypto
import Foundation

/// Checks a received webhook the way a receiver should: the timestamp is recent and one of the `v1,` signatures
/// in `webhook-signature` (space-separated, for key rotation) matches, compared in constant time.
package struct StandardWebhookVerifier: Sendable {
    /// Why a webhook was refused.
    package enum Failure: Error, Equatable, Sendable {
        case malformedTimestamp
        /// Older or newer than the tolerance allows (a replayed or delayed request).
        case timestampOutOfTolerance
        case noMatchingSignature
    }

    private let signer: StandardWebhookSigner
    /// How far `webhook-timestamp` may be from now, either way.
    package var toleranceSeconds: Int64

    package init(secret: StandardWebhookSecret, toleranceSeconds: Int64 = 300) {
        signer = StandardWebhookSigner(secret: secret)
        self.toleranceSeconds = toleranceSeconds
    }

    /// Verifies the request's three headers against its raw body.
    /// - Parameter nowSeconds: the receiver's clock, seconds since the epoch.
    /// - Throws: ``Failure`` naming what did not check out.
    package func verify(
        id: String, timestamp: String, signatures: String, body: [UInt8], nowSeconds: Int64
    ) throws(Failure) {
        guard let seconds = Int64(timestamp) else { throw .malformedTimestamp }
        guard abs(nowSeconds - seconds) <= toleranceSeconds else { throw .timestampOutOfTolerance }
        let content = StandardWebhookSigner.signedContent(id: id, timestamp: seconds, body: body)
        for candidate in signatures.split(separator: " ") where candidate.hasPrefix("v1,") {
            guard let mac = Data(base64Encoded: String(candidate.dropFirst(3))) else { continue }
            if HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: content, using: signer.symmetricKey) {
                return
            }
        }
        throw .noMatchingSignature
    }
}
