/// `synthetic_volume` and `synthetic_destination` settings.
package struct SyntheticConfiguration: Sendable, Equatable {
    package var volumeEnabled = true
    package var destinationEnabled = true
    /// Robust score, ratio to expected and absolute floor for a synthetic-record spike.
    package var threshold: Double = 8
    package var minRatio: Double = 3
    package var minSyntheticRecords: Double = 1_000
    /// A flow whose synthetic share jumps by at least this much (0...1) over its usual share is a shift...
    package var shareJump: Double = 0.5
    /// ... when the window moved at least this many records.
    package var minRecordsForShare: Double = 1_000
    /// Destinations allowed to receive synthetic data. Empty: any destination that already received synthetic
    /// data before (after warm-up) is allowed; a first one alerts.
    package var allowedDestinations: [String] = []

    package init() {}
}

/// `auth_failures` settings (401 and 403 responses per endpoint and source).
package struct AuthFailuresConfiguration: Sendable, Equatable {
    package var enabled = true
    package var threshold: Double = 8
    package var minRatio: Double = 3
    package var minFailures: Double = 30

    package init() {}
}

/// `provenance_missing` settings.
package struct ProvenanceConfiguration: Sendable, Equatable {
    package var enabled = true
    /// A key that declared provenance on at least this share of its requests...
    package var usualShare: Double = 0.9
    /// ... and in a window declares it on less than this share of at least `minRequests` requests.
    package var currentShareBelow: Double = 0.1
    package var minRequests: Double = 20
    /// Principals known to be AI integrations: every window of theirs without a declaration alerts.
    package var aiPrincipals: [String] = []

    package init() {}
}

/// `new_entity` settings.
package struct NewEntityConfiguration: Sendable, Equatable {
    package var enabled = true
    /// A key counts as new for this many minutes after its first event.
    package var newForMinutes: Int = 60
    /// Volume a new key must move in one window to be an incident (one stray request is not).
    package var minRequests: Double = 50
    package var minRecords: Double = 5_000

    package init() {}
}

/// `off_hours_bulk` settings.
package struct OffHoursConfiguration: Sendable, Equatable {
    package var enabled = true
    /// Volume in one window that counts as a bulk pull or export.
    package var minRecords: Double = 5_000
    package var minBytes: Double = 50 * 1_048_576
    /// The hour is "far outside the usual hours" when the principal's usual activity at this hour of day (and the
    /// hours beside it) is below this share of its all-hours average.
    package var usualShareBelow: Double = 0.05
    /// History the principal needs before its usual hours are trusted.
    package var minimumHistoryHours: Int = 48

    package init() {}
}

/// `fan_in` settings: many principals or tokens from one source.
package struct FanInConfiguration: Sendable, Equatable {
    package var enabled = true
    /// Distinct principals in one window from one source, at least.
    package var minPrincipals: Double = 10
    /// Spike rule on the distinct-principal count against the source's own baseline.
    package var threshold: Double = 8
    package var minRatio: Double = 3
    /// Combined requests in the window, at least, and at least `minRatio` times the source's usual requests.
    package var minRequests: Double = 100

    package init() {}
}

/// `enumeration` settings: a principal walking an `{id}` endpoint.
package struct EnumerationConfiguration: Sendable, Equatable {
    package var enabled = true
    /// Requests with a numeric id in one window, at least.
    package var minIDs: Double = 100
    /// Share of them that must be distinct ids.
    package var minDistinctShare: Double = 0.8
    /// The walk must be monotonic (share of steps to a nearby higher id)...
    package var minMonotonicShare: Double = 0.7
    /// ... or dense (distinct ids / span of ids).
    package var minDensity: Double = 0.3
    /// Requests must be at least this multiple of the principal x endpoint's usual requests.
    package var minRatio: Double = 3

    package init() {}
}

/// `low_and_slow` settings: a CUSUM of hourly excess per principal and principal x endpoint.
package struct LowAndSlowConfiguration: Sendable, Equatable {
    package var enabled = true
    /// Slack per hour, in hourly deviations, before an hour counts as excess.
    package var allowance: Double = 0.5
    /// The cumulative excess alarms at this many hourly deviations...
    package var decisionDeviations: Double = 8
    /// ... and once it holds at least this many extra requests or records.
    package var minExcessRequests: Double = 150
    package var minExcessRecords: Double = 5_000
    /// ... and only after the excess has grown for this many hours in a row (a busy workday, a campaign or one
    /// burst stop growing it within hours; a drip does not).
    package var minHours: Int = 18

    package init() {}
}
