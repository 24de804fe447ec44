internal import Foundation

/// When an actor is active over the day and the week: a relative level (any scale; each actor's profile is
/// normalised to a weekly mean of one).
enum Rhythm: Sendable {
    /// A person's shift, in UTC minutes, with ramps, a lunch dip and a little evening e-mail checking.
    case office(shiftStart: Int, shiftLength: Int, weekendFactor: Double)
    /// Around the clock, every day.
    case flat
    /// Follows shoppers: peak in the European evening / American afternoon (19:00 UTC), low early morning.
    case storefront
    /// Follows the office day of the whole company, with a floor at night.
    case businessHours
    /// A scheduled job: active `active` minutes every `period`, a trickle (`idle`) in between.
    case periodic(period: Int, active: Int, offset: Int, idle: Double, weekendFactor: Double)
    /// A nightly batch window.
    case nightly(start: Int, length: Int)
    /// Bursts of `length` minutes at `offset` past each hour between `fromHour` and `toHour`.
    case hourlyBursts(fromHour: Int, toHour: Int, offset: Int, length: Int, weekendFactor: Double)
    /// No baseline traffic (incident-only actors).
    case silent

    /// The level at `minuteOfDay` (UTC) on a weekday or a weekend day.
    func level(minuteOfDay t: Int, weekend: Bool) -> Double {
        switch self {
        case let .office(shiftStart, shiftLength, weekendFactor):
            let relative = (t - shiftStart + 1440) % 1440
            var value: Double
            if relative < shiftLength {
                let rampIn = min(1, Double(relative + 1) / 45)
                let rampOut = min(1, Double(shiftLength - relative) / 45)
                let lunch = (240..<285).contains(relative) ? 0.35 : 1
                let afternoon = 1 + 0.2 * sin(Double.pi * Double(relative) / Double(shiftLength))
                value = max(0.05, rampIn * rampOut * lunch * afternoon)
            } else if relative < shiftLength + 180 {
                value = 0.04
            } else {
                value = 0.004
            }
            return weekend ? value * weekendFactor : value
        case .flat:
            return 1
        case .storefront:
            let phase = 2 * Double.pi * Double(t - 19 * 60) / 1440
            return (0.55 + 0.45 * cos(phase)) * (weekend ? 0.95 : 1)
        case .businessHours:
            let distance = Double(t - 870) / 260
            let value = 0.15 + 0.85 * exp(-distance * distance)
            return weekend ? value * 0.3 : value
        case let .periodic(period, active, offset, idle, weekendFactor):
            let value = (t - offset + 1440) % period < active ? 1 : idle
            return weekend ? value * weekendFactor : value
        case let .nightly(start, length):
            return (t - start + 1440) % 1440 < length ? 1 : 0
        case let .hourlyBursts(fromHour, toHour, offset, length, weekendFactor):
            let hour = t / 60
            let inBurst = hour >= fromHour && hour < toHour && (t % 60 - offset + 60) % 60 < length
            let value = inBurst ? 1 : 0.01
            return weekend ? value * weekendFactor : value
        case .silent:
            return 0
        }
    }
}
