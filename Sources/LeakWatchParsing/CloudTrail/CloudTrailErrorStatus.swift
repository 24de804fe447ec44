/// The HTTP-like status LeakWatch records for a CloudTrail `errorCode` (CloudTrail logs no status code).
///
/// Matched by substring, in this order, so that service prefixes (`Client.UnauthorizedOperation`) and suffixes
/// (`AccessDeniedException`) need no list of their own:
/// - 403: `AccessDenied`, `Unauthorized`, `Forbidden`, `NotAuthorized`;
/// - 401: `InvalidClientTokenId`, `InvalidAccessKeyId`, `SignatureDoesNotMatch`, `ExpiredToken`,
///   `AuthFailure`, `IncompleteSignature` (the caller's credentials were refused);
/// - 404: `NotFound`, `NoSuch`;
/// - 429: `Throttl`, `LimitExceeded`, `TooManyRequests`;
/// - 400: any other error code.
@usableFromInline
enum CloudTrailErrorStatus {
    @inlinable
    static func status(of code: UnsafeRawBufferPointer) -> Int32 {
        if contains(code, "AccessDenied") || contains(code, "Unauthorized") || contains(code, "Forbidden")
            || contains(code, "NotAuthorized")
        {
            return 403
        }
        if contains(code, "InvalidClientTokenId") || contains(code, "InvalidAccessKeyId")
            || contains(code, "SignatureDoesNotMatch") || contains(code, "ExpiredToken") || contains(code, "AuthFailure")
            || contains(code, "IncompleteSignature")
        {
            return 401
        }
        if contains(code, "NotFound") || contains(code, "NoSuch") { return 404 }
        if contains(code, "Throttl") || contains(code, "LimitExceeded") || contains(code, "TooManyRequests") {
            return 429
        }
        return 400
    }

    /// Whether `word` occurs in `bytes` (error codes are short: a plain scan).
    @inlinable
    static func contains(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        let needle = ASCII.bytes(word)
        var start = 0
        while start &+ length <= bytes.count {
            if bytes[start] == needle[0]
                && UnsafeRawBufferPointer(rebasing: bytes[start..<(start &+ length)]).elementsEqual(needle)
            {
                return true
            }
            start &+= 1
        }
        return false
    }
}
