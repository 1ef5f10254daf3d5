import Foundation

/// Tells the current wall-clock time; NovaCore never reads the system clock itself.
package protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's clock, for the executables.
package struct SystemWallClock: WallClock {
    /// Creates the clock.
    package init() {}

    /// `Date()`.
    package func now() -> Date { Date() }
}
