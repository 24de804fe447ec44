import LeakWatchDelivery
import Testing

@Suite("Standard Webhooks signing and verifying")
struct StandardWebhookSigningTests {
    /// Expected values computed independently with Python's hmac and base64 modules; the first is also the
    /// Standard Webhooks specification's own test vector.
    @Test("a whsec_ secret signs {id}.{timestamp}.{body} with HMAC-SHA256 as v1,<base64>")
    func specificationVector() throws {
        let signer = StandardWebhookSigner(secret: try StandardWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let signature = signer.signature(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("a raw secret (no whsec_ prefix) is used as its UTF-8 bytes; a trailing newline from a file is ignored")
    func rawSecret() throws {
        let body = Array(#"{"alerts":[]}"#.utf8)
        for text in ["my-raw-secret", "my-raw-secret\n"] {
            let signer = StandardWebhookSigner(secret: try StandardWebhookSecret(text))
            #expect(signer.signature(id: "msg_lw", timestamp: 1_700_000_000, body: body)
                == "v1,P9AoZ1WdwQfTn4b9gzIUrUs0iyZUvqLYLflCNLAw4R4=")
        }
    }

    @Test("empty secrets and bad base64 after whsec_ are refused")
    func badSecrets() {
        for text in ["", "\n", "whsec_", "whsec_not*base64!"] {
            let error = #expect(throws: DeliveryError.self) { try StandardWebhookSecret(text) }
            #expect(error?.code == .badSecret)
        }
    }

    @Test("the verifier accepts a signed request, also among rotated signatures, and names what is wrong otherwise")
    func verifier() throws {
        let secret = try StandardWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signer = StandardWebhookSigner(secret: secret)
        let verifier = StandardWebhookVerifier(secret: secret)
        let body = Array(#"{"type":"leakwatch.alerts"}"#.utf8)
        let signature = signer.signature(id: "msg_1", timestamp: 1_000_000, body: body)

        try verifier.verify(id: "msg_1", timestamp: "1000000", signatures: signature, body: body, nowSeconds: 1_000_100)
        try verifier.verify(id: "msg_1", timestamp: "1000000", signatures: "v1,b2xkLWtleQ== " + signature,
                            body: body, nowSeconds: 1_000_000)
        #expect(throws: StandardWebhookVerifier.Failure.noMatchingSignature) {
            try verifier.verify(id: "msg_1", timestamp: "1000000", signatures: signature, body: body + [0x20],
                                nowSeconds: 1_000_000)
        }
        #expect(throws: StandardWebhookVerifier.Failure.noMatchingSignature) {
            try verifier.verify(id: "msg_2", timestamp: "1000000", signatures: signature, body: body, nowSeconds: 1_000_000)
        }
        #expect(throws: StandardWebhookVerifier.Failure.timestampOutOfTolerance) {
            try verifier.verify(id: "msg_1", timestamp: "1000000", signatures: signature, body: body, nowSeconds: 1_000_301)
        }
        #expect(throws: StandardWebhookVerifier.Failure.malformedTimestamp) {
            try verifier.verify(id: "msg_1", timestamp: "soon", signatures: signature, body: body, nowSeconds: 1_000_000)
        }
    }
}
