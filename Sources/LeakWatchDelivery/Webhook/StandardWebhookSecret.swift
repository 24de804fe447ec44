import Foundation

/// The key that signs (and verifies) webhooks, read from the secret's text.
///
/// `whsec_<base64>` (the Standard Webhooks form, as Svix and others issue it) gives the decoded bytes; any other
/// text is used as it is, its UTF-8 bytes being the key. Trailing newlines (from `echo` into a file) are ignored.
package struct StandardWebhookSecret: Sendable {
    package let key: [UInt8]

    /// - Throws: ``DeliveryError`` `badSecret` for an empty secret or bad base64 after `whsec_`.
    package init(_ text: String) throws(DeliveryError) {
        var secret = Substring(text)
        while let last = secret.last, last == "\n" || last == "\r" { secret = secret.dropLast() }
        guard !secret.isEmpty else {
            throw DeliveryError(.badSecret, subject: "webhook secret", detail: "is empty")
        }
        if secret.hasPrefix("whsec_") {
            guard let data = Data(base64Encoded: String(secret.dropFirst(6))), !data.isEmpty else {
                throw DeliveryError(.badSecret, subject: "webhook secret", detail: "is not valid base64 after whsec_")
            }
            key = [UInt8](data)
        } else {
            key = Array(secret.utf8)
        }
    }
}
