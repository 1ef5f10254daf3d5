import Foundation

/// Renders instants as the contract does: naive UTC with microseconds, e.g. `2025-12-03T15:00:01.000000`.
package enum WireDate {
    /// `yyyy-MM-ddTHH:mm:ss.ffffff` in UTC, no zone suffix.
    package static func naive(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = floor(seconds)
        let micros = min(999_999, Int(((seconds - whole) * 1_000_000).rounded()))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, micros)
    }
}
