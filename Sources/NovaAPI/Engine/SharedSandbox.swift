import Foundation
import Logging
import NovaCore

/// The sandbox of this process, probed on first use (a few hundred milliseconds) and shared by the workers and
/// `/health/components`: bubblewrap or the rlimits-only fallback, behind the sandbox circuit breaker.
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

    /// The sandbox, probed by the first caller, which logs its status (a degraded one as a warning, with the reason).
    func sandbox() async -> CircuitBreakingSandbox {
        if let probed { return await probed.value }
        let configuration = configuration
        let publisher = publisher
        let logger = logger
        let task = Task {
            let reaped = OrphanedSandboxes.reap()
            if reaped > 0 { logger.warning("killed sandboxes a killed nova left behind", metadata: ["count": .stringConvertible(reaped)]) }
            let probed = await ProcessSandbox(configuration: configuration)
            switch probed.status {
            case .enforced: logger.info("sandbox enforced", metadata: ["python": .string(configuration.interpreter)])
            case .degraded(let reason):
                logger.warning("sandbox degraded", metadata: ["python": .string(configuration.interpreter), "reason": .string(reason)])
            }
            return CircuitBreakingSandbox(probed, publisher: publisher)
        }
        probed = task
        return await task.value
    }
}
