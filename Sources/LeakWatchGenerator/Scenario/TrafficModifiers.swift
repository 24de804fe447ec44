/// `campaign_surge`: all traffic multiplied by `factor` for a few hours, with ten-minute ramps at both ends.
struct Surge: Sendable {
    let window: TimeWindow
    let factor: Double

    func multiplier(at millis: Int64) -> Double {
        guard window.contains(millis) else { return 1 }
        let ramp = 10 * TimeWindow.minute
        let edge = min(millis - window.start, window.end - millis)
        let progress = min(1, Double(edge) / Double(ramp))
        return 1 + (factor - 1) * progress
    }
}

/// `new_endpoint_rollout`: the listed service accounts move a growing fraction of their `GET /api/v2/orders/{uuid}`
/// calls to `GET /api/v3/orders/{id}`.
struct Rollout: Sendable {
    let start: Int64
    let rampMillis: Int64
    let finalFraction: Double
    let actors: [Int]

    func fraction(at millis: Int64) -> Double {
        guard millis >= start else { return 0 }
        return finalFraction * min(1, Double(millis - start) / Double(rampMillis))
    }
}

/// `new_employee`: a person who starts at `start` and ramps to a normal volume over `rampMillis`.
struct Arrival: Sendable {
    let actor: Int
    let start: Int64
    let rampMillis: Int64

    func presence(at millis: Int64) -> Double {
        guard millis >= start else { return 0 }
        return min(1, 0.15 + 0.85 * Double(millis - start) / Double(rampMillis))
    }
}

/// `provenance_dropped`: an AI integration keeps its traffic but stops declaring provenance (no `provenance`,
/// `synthetic_records` or `ai_model_version`) during `window` (whole minutes).
struct ProvenanceGap: Sendable {
    let actor: Int
    let window: TimeWindow
}
