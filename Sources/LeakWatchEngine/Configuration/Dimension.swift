/// A kind of key that gets its own windows and baselines.
package enum Dimension: UInt8, CaseIterable, Sendable, Hashable, Comparable {
    case endpoint = 0
    case principal = 1
    case principalEndpoint = 2
    case sourceIP = 3
    case destination = 4
    /// The source's network: IPv4 /24, IPv6 /64.
    case sourceNetwork = 5
    /// A principal together with the network it came from (``sourceNetwork``): a known principal seen from a new
    /// range, as when its token was stolen.
    case principalSourceNetwork = 6

    /// Name used in config, summaries and alerts.
    package var name: String {
        switch self {
        case .endpoint: "endpoint"
        case .principal: "principal"
        case .principalEndpoint: "principal_endpoint"
        case .sourceIP: "src_ip"
        case .destination: "destination"
        case .sourceNetwork: "src_net"
        case .principalSourceNetwork: "principal_src_net"
        }
    }

    /// The dimension whose keys are reported as the top contributors of this dimension's keys.
    package var contributor: Dimension {
        switch self {
        case .endpoint: .principal
        case .principal: .endpoint
        case .principalEndpoint: .sourceIP
        case .sourceIP: .principal
        case .destination: .principal
        case .sourceNetwork: .principal
        case .principalSourceNetwork: .sourceIP
        }
    }

    /// Every dimension, kept once (`allCases` builds a new array on each use, which the per-event loop avoids).
    package static let all: [Dimension] = allCases

    /// Mixed into key hashes so that the same text in two dimensions makes two keys.
    @inlinable
    package var salt: UInt64 {
        switch self {
        case .endpoint: 0x1f83_d9ab_fb41_bd6b
        case .principal: 0x5be0_cd19_137e_2179
        case .principalEndpoint: 0x6a09_e667_f3bc_c908
        case .sourceIP: 0xbb67_ae85_84ca_a73b
        case .destination: 0x3c6e_f372_fe94_f82b
        case .sourceNetwork: 0xa54f_f53a_5f1d_36f1
        case .principalSourceNetwork: 0x510e_527f_ade6_82d1
        }
    }

    package static let defaultCaps: [Dimension: Int] = [
        .endpoint: 2_000, .principal: 10_000, .principalEndpoint: 20_000, .sourceIP: 20_000, .destination: 2_000, .sourceNetwork: 10_000,
        .principalSourceNetwork: 20_000,
    ]

    package init?(name: String) {
        guard let match = Dimension.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    package static func < (lhs: Dimension, rhs: Dimension) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A per-window measurement of a key.
package enum Metric: Int, CaseIterable, Sendable, Comparable {
    case requests = 0
    case bytes = 1
    case records = 2
    case syntheticRecords = 3
    case clientErrors = 4
    case serverErrors = 5
    /// Responses 401 and 403.
    case authFailures = 6
    /// Events that declared their provenance (human, synthetic or mixed).
    case declared = 7
    /// Distinct principals seen (estimated) — kept for source IPs.
    case principals = 8

    package static let count = 9

    /// Every metric, kept once (`allCases` builds a new array on each use).
    package static let all: [Metric] = allCases

    package var name: String {
        switch self {
        case .requests: "requests"
        case .bytes: "bytes"
        case .records: "records"
        case .syntheticRecords: "synthetic_records"
        case .clientErrors: "status_4xx"
        case .serverErrors: "status_5xx"
        case .authFailures: "auth_failures"
        case .declared: "declared_provenance"
        case .principals: "distinct_principals"
        }
    }

    package static func < (lhs: Metric, rhs: Metric) -> Bool { lhs.rawValue < rhs.rawValue }
}
