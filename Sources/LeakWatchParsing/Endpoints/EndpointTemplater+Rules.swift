extension EndpointTemplater {
    /// Templating configuration: explicit templates plus toggles and limits for the heuristics.
    package struct Rules: Sendable, Equatable {
        /// Explicit templates such as `/api/v2/accounts/{account}/contacts/{id}`, matched segment by segment
        /// (a `{name}` or `*` segment matches any one segment); the first match wins, before any heuristic.
        package var templates: [String]
        /// All digits, or one or two letters then at least four digits (`48213`, `C123456`) → `{id}`.
        package var numericIDs: Bool
        /// `8-4-4-4-12` hex UUIDs → `{uuid}`.
        package var uuids: Bool
        /// Hex strings of at least ``hexMinLength`` characters with at least one digit → `{hex}`.
        package var hexStrings: Bool
        /// Segments containing `@` (or `%40`) → `{email}`.
        package var emails: Bool
        /// Token-like segments (see ``tokenMinLength``) → `{token}`.
        package var tokens: Bool
        /// `YYYY-MM-DD` → `{date}`.
        package var dates: Bool
        package var hexMinLength: Int
        /// Minimum length of a token: `[A-Za-z0-9_-]` or base64-ish (`+ = . ~`) characters with letters and digits
        /// interleaved (at least two letter/digit changes, or an unbroken alphanumeric run of 20 or more), so
        /// slugs like `logstash-monitorama-2013` stay as they are.
        package var tokenMinLength: Int
        /// Segments past this many collapse into one `{…}`.
        package var maxSegments: Int

        package init(
            templates: [String] = [], numericIDs: Bool = true, uuids: Bool = true, hexStrings: Bool = true,
            emails: Bool = true, tokens: Bool = true, dates: Bool = true, hexMinLength: Int = 16,
            tokenMinLength: Int = 24, maxSegments: Int = 12
        ) {
            self.templates = templates
            self.numericIDs = numericIDs
            self.uuids = uuids
            self.hexStrings = hexStrings
            self.emails = emails
            self.tokens = tokens
            self.dates = dates
            self.hexMinLength = hexMinLength
            self.tokenMinLength = tokenMinLength
            self.maxSegments = maxSegments
        }
    }
}
