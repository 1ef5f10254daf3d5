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
            name: CircuitBreakingSandbox.breakerName, failureThreshold: CircuitBreakingSandbox.failureThreshold, states: breakers, clock: clock, logger: logger)
    }

    /// The configuration of `DATA_DIR`: its `sandbox-venv` when `scripts/setup-sandbox.sh` made one, else `/usr/bin/python3`.
    static func configuration(dataDirectory: String) -> SandboxConfiguration {
        let venv = URL(fileURLWithPath: dataDirectory).appendingPathComponent("sandbox-venv")
        let hasVenv = FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("bin/python3").path)
        return SandboxConfiguration(virtualEnvironment: hasVenv ? venv : nil)
    }

    /// The interpreter the sandbox runs.
    nonisolated var interpreter: String { configuration.interpreter }

    /// The sandbox, probed by the first caller, which logs a degraded one with the reason.
    func sandbox() async -> CircuitBreakingSandbox {
        if let probed { return await probed.value }
        let configuration = configuration
        let publisher = publisher
        let logger = logger
        let task = Task {
            let probed = await ProcessSandbox(configuration: configuration)
            if case .degraded(let reason) = probed.status {
                logger.warning("sandbox degraded", metadata: ["reason": .string(reason)])
            }
            return CircuitBreakingSandbox(probed, publisher: publisher)
        }
        probed = task
        return await task.value
    }
}
