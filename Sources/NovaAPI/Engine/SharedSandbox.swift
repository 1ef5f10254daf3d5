import EgressProxy
import Foundation
import Logging
import NovaCore

/// The sandbox of this process, probed on first use (a few hundred milliseconds) and shared by the workers and
/// `/health/components`: the isolation mode found by the probe (or the refusal), behind the sandbox circuit breaker.
///
/// Given an egress policy, it also runs the ``EgressProxy`` through which internet jobs confined by Landlock reach
/// the internet; nova owns the proxy because only nova runs node code, and the proxy then lives exactly as long as
/// the process whose sandboxes use it. It is stopped when the probe finds another mode.
actor SharedSandbox {
    private let configuration: SandboxConfiguration
    private let egressPolicy: EgressPolicy?
    private let publisher: BreakerStatePublisher
    private let logger: Logger
    private var probed: Task<CircuitBreakingSandbox, Never>?

    /// A sandbox with `configuration` whose breaker state goes to `breakers`; `egressPolicy` (nil: no proxy, so no
    /// network under Landlock) is what the egress proxy lets internet jobs reach.
    init(
        configuration: SandboxConfiguration, egressPolicy: EgressPolicy?, breakers: any CircuitBreakerStateStore, clock: any WallClock,
        logger: Logger
    ) {
        self.configuration = configuration
        self.egressPolicy = egressPolicy
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
        let egressPolicy = egressPolicy
        let task = Task {
            let reaped = OrphanedSandboxes.reap()
            if reaped > 0 { logger.warning("killed sandboxes a killed nova left behind", metadata: ["count": .stringConvertible(reaped)]) }
            let proxy = egressPolicy.flatMap { (policy: EgressPolicy) -> EgressProxy? in
                do {
                    return try EgressProxy(policy: policy, logger: logger)
                } catch {
                    logger.error("the egress proxy cannot start: internet jobs under Landlock run without network", metadata: ["error": "\(error)"])
                    return nil
                }
            }
            let probed = await ProcessSandbox(configuration: configuration, egress: proxy)
            if probed.status.mode != .landlock { proxy?.stop() }
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
