import Foundation
import Logging
import NovaCore

/// The sandbox of this process, probed on first use (a few hundred milliseconds) and shared by the workers and
/// `/health/components`: the isolation mode found by the probe (or the refusal), behind the sandbox circuit breaker.
actor SharedSandbox {
    private let configuration: SandboxConfiguration
    private let publisher: BreakerStatePublisher
    private let logger: Logger
    private var probed: Task<CircuitBreakingSandbox, Never>?

    /// A sandbox with `configuration` whose breaker state goes to `breakers`.
    init(configuration: SandboxConfiguration, breakers: any CircuitBreakerStateStore, clock: any WallClock, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        publisher = BreakerStatePublisher(
            name: CircuitBreakingSandbox.breakerName, failureThreshold: CircuitBreakingSandbox.failureThreshold, states: breakers, clock: clock,
            logger: logger)
    }

    /// The interpreter the sandbox runs.
    nonisolated var interpreter: String { configuration.interpreter }

    /// The sandbox, probed by the first caller, which logs its status: enforced as info, rlimits only as a warning,
    /// refused as an error, each with the mode and what is missing.
    func sandbox() async -> CircuitBreakingSandbox {
        if let probed { return await probed.value }
        let configuration = configuration
        let publisher = publisher
        let logger = logger
        let task = Task {
            let reaped = OrphanedSandboxes.reap()
            if reaped > 0 { logger.warning("killed sandboxes a killed nova left behind", metadata: ["count": .stringConvertible(reaped)]) }
            let probed = await ProcessSandbox(configuration: configuration)
            let status = probed.status
            let metadata: Logger.Metadata = [
                "python": .string(configuration.interpreter), "mode": .string(status.mode?.rawValue ?? "none"),
                "reason": .string(status.reason ?? "none"),
            ]
            switch status.mode {
            case .namespaces, .landlock: logger.info("sandbox enforced", metadata: metadata)
            case .rlimitsOnly: logger.warning("sandbox degraded", metadata: metadata)
            case nil: logger.error("sandbox refused: node code will not run", metadata: metadata)
            }
            return CircuitBreakingSandbox(probed, publisher: publisher)
        }
        probed = task
        return await task.value
    }
}
