/// The HTTP status codes an endpoint answers with, and how often.
enum StatusMix {
    /// Reads of one record: mostly 200, some 304 (cached) and 404, rare auth, throttling and server errors.
    static let read = WeightedTable([
        (200, 0.905), (304, 0.05), (404, 0.03), (401, 0.004), (403, 0.003), (429, 0.003), (500, 0.003),
        (503, 0.002),
    ])
    /// List pages and searches.
    static let list = WeightedTable([
        (200, 0.955), (304, 0.02), (400, 0.006), (401, 0.004), (403, 0.004), (429, 0.005), (500, 0.004),
        (503, 0.002),
    ])
    /// Creates.
    static let create = WeightedTable([
        (201, 0.95), (400, 0.015), (409, 0.008), (422, 0.012), (401, 0.003), (403, 0.003), (429, 0.004),
        (500, 0.004), (503, 0.001),
    ])
    /// Updates (PATCH, PUT).
    static let update = WeightedTable([
        (200, 0.94), (404, 0.02), (409, 0.01), (422, 0.015), (401, 0.003), (403, 0.003), (429, 0.004),
        (500, 0.004), (503, 0.001),
    ])
    /// Report exports: slow and occasionally failing on the server.
    static let export = WeightedTable([(200, 0.97), (404, 0.005), (403, 0.005), (500, 0.012), (503, 0.008)])
    /// Sequential id walks: ids that do not exist (deleted, merged) answer 404.
    static let enumeration = WeightedTable([(200, 0.87), (404, 0.13)])
    /// Sprayed stolen or guessed tokens: some have already been revoked.
    static let spray = WeightedTable([(200, 0.78), (404, 0.12), (401, 0.10)])
    /// Token requests: a few wrong or expired secrets (401), rare locked clients (403).
    static let auth = WeightedTable([
        (200, 0.955), (401, 0.03), (403, 0.005), (429, 0.005), (500, 0.003), (503, 0.002),
    ])
    /// Credential stuffing: nearly every guessed secret is refused; a few hit the rate limiter or get in.
    static let stuffing = WeightedTable([(401, 0.83), (403, 0.12), (429, 0.035), (200, 0.015)])
    /// A scripted bulk pull that sometimes hits the rate limiter.
    static let bulk = WeightedTable([(200, 0.985), (429, 0.015)])
}
