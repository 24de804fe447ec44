/// Which detector produced a detection.
package enum DetectorKind: String, Sendable, CaseIterable, Comparable {
    case volumeSpike = "volume_spike"
    case syntheticVolume = "synthetic_volume"
    case syntheticDestination = "synthetic_destination"
    case provenanceMissing = "provenance_missing"
    case newEntity = "new_entity"
    case authFailures = "auth_failures"
    case offHoursBulk = "off_hours_bulk"
    case fanIn = "fan_in"
    case enumeration = "enumeration"
    case lowAndSlow = "low_and_slow"

    /// Every detector, in episode-table order (kept once: `allCases` builds a new array on each use).
    package static let all: [DetectorKind] = allCases

    /// Position of the detector in per-key episode tables.
    package var index: Int {
        switch self {
        case .volumeSpike: 0
        case .syntheticVolume: 1
        case .syntheticDestination: 2
        case .provenanceMissing: 3
        case .newEntity: 4
        case .authFailures: 5
        case .offHoursBulk: 6
        case .fanIn: 7
        case .enumeration: 8
        case .lowAndSlow: 9
        }
    }

    package static func < (lhs: DetectorKind, rhs: DetectorKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a detection opens an anomaly episode or closes one.
package enum DetectionStatus: String, Sendable, Comparable {
    case firing
    case resolved

    package static func < (lhs: DetectionStatus, rhs: DetectionStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A top contributor of a detection, its name resolved after the window closed.
package struct Contributor: Sendable, Equatable {
    package var dimension: Dimension
    package var name: String
    package var requests: Int64
    package var bytes: Int64
    package var records: Int64
    /// Share of the key's window total in the detection's metric (0...1).
    package var share: Double

    package init(dimension: Dimension, name: String, requests: Int64, bytes: Int64, records: Int64, share: Double) {
        self.dimension = dimension
        self.name = name
        self.requests = requests
        self.bytes = bytes
        self.records = records
        self.share = share
    }
}

/// What a detector found in one closed window of one key: the raw material of an alert.
package struct Detection: Sendable {
    package var detector: DetectorKind
    package var status: DetectionStatus
    package var dimension: Dimension
    /// Salted key hash (identifies the key within its dimension).
    package var keyHash: UInt64
    /// The key as text; for principal x endpoint and principal x source network the two halves joined by
    /// ``KeyNaming/pairSeparator`` (see ``keyPair`` and ``displayName``).
    package var keyName: String
    /// Start of the window, epoch ms, and its length.
    package var windowStart: Int64
    package var windowMillis: Int64
    /// Start of the anomaly episode this detection belongs to (equal to windowStart when firing).
    package var episodeStart: Int64
    package var metric: Metric
    package var observed: Double
    package var expected: Double
    package var lower: Double
    package var upper: Double
    package var score: Double
    /// The window's totals of the key (requests, bytes, records), for context.
    package var totals: WindowTotals
    /// Raw contributor entries (hashes), resolved into ``contributors`` by the aggregator.
    package var contributorEntries: [ContributorEntry]
    package var contributors: [Contributor] = []

    package init(
        detector: DetectorKind, status: DetectionStatus, dimension: Dimension, keyHash: UInt64, keyName: String,
        windowStart: Int64, windowMillis: Int64, episodeStart: Int64, metric: Metric, observed: Double,
        expected: Double, lower: Double, upper: Double, score: Double, totals: WindowTotals,
        contributorEntries: [ContributorEntry]
    ) {
        self.detector = detector
        self.status = status
        self.dimension = dimension
        self.keyHash = keyHash
        self.keyName = keyName
        self.windowStart = windowStart
        self.windowMillis = windowMillis
        self.episodeStart = episodeStart
        self.metric = metric
        self.observed = observed
        self.expected = expected
        self.lower = lower
        self.upper = upper
        self.score = score
        self.totals = totals
        self.contributorEntries = contributorEntries
    }

    /// End of the window (the event time at which the detection was made).
    package var windowEnd: Int64 { windowStart + windowMillis }

    /// The deterministic output order: time, detector, dimension, key, status.
    package static func precedes(_ a: Detection, _ b: Detection) -> Bool {
        if a.windowStart != b.windowStart { return a.windowStart < b.windowStart }
        if a.detector != b.detector { return a.detector < b.detector }
        if a.dimension != b.dimension { return a.dimension < b.dimension }
        if a.keyName != b.keyName { return a.keyName < b.keyName }
        if a.status != b.status { return a.status < b.status }
        return a.metric < b.metric
    }
}

/// A key's totals in one window.
package struct WindowTotals: Sendable, Equatable {
    package var requests: Int64 = 0
    package var bytes: Int64 = 0
    package var records: Int64 = 0
    package var syntheticRecords: Int64 = 0
    package var clientErrors: Int64 = 0
    package var serverErrors: Int64 = 0
    package var authFailures: Int64 = 0
    package var declared: Int64 = 0
    package var principals: Int64 = 0

    package init() {}

    package func value(_ metric: Metric) -> Int64 {
        switch metric {
        case .requests: requests
        case .bytes: bytes
        case .records: records
        case .syntheticRecords: syntheticRecords
        case .clientErrors: clientErrors
        case .serverErrors: serverErrors
        case .authFailures: authFailures
        case .declared: declared
        case .principals: principals
        }
    }
}

extension Detection {
    /// The principal and the other half of a paired key (``Dimension/principalEndpoint``,
    /// ``Dimension/principalSourceNetwork``); nil for other dimensions.
    package var keyPair: (principal: String, other: String)? {
        guard dimension == .principalEndpoint || dimension == .principalSourceNetwork,
              let split = keyName.firstIndex(of: KeyNaming.pairSeparator)
        else { return nil }
        return (String(keyName[..<split]), String(keyName[keyName.index(after: split)...]))
    }

    /// The key as people read it: a paired key's halves joined by a space.
    package var displayName: String {
        guard let pair = keyPair else { return keyName }
        return pair.principal + " " + pair.other
    }
}
