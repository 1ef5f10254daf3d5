import Resilience

/// A ``Sandbox`` behind the contract's sandbox circuit breaker (§3.9, D28): after ``failureThreshold`` consecutive
/// ``SandboxInfrastructureError``s it refuses runs for ``openDuration`` with ``SandboxBreakerOpenError`` instead of
/// spawning again, then lets one trial run through (half-open). Failures of the user's code are results, not errors,
/// and never count. Every change of state is saved under ``breakerName`` for `/metrics` (D13).
package struct CircuitBreakingSandbox: Sandbox {
    /// The breaker's name in the shared store and in `/metrics`.
    package static let breakerName = "sandbox"
    /// Consecutive infrastructure failures that open the breaker (docs/api.md §3.9).
    package static let failureThreshold = 5

    private let base: any Sandbox
    private let breaker: CircuitBreaker<ContinuousClock>
    private let publisher: BreakerStatePublisher
    private let openDuration: Duration

    /// Guards `base`; the breaker stays open `openDuration` (the contract's 300 s by default).
    package init(_ base: any Sandbox, publisher: BreakerStatePublisher, openDuration: Duration = .seconds(300)) {
        self.base = base
        self.publisher = publisher
        self.openDuration = openDuration
        breaker = CircuitBreaker(failureThreshold: Self.failureThreshold, openDuration: openDuration, clock: ContinuousClock())
    }

    /// The guarded sandbox's isolation.
    package var status: SandboxStatus { base.status }

    /// Runs `job` in the guarded sandbox, or throws ``SandboxBreakerOpenError`` at once while the breaker is open.
    package func run(_ job: SandboxJob) async throws -> SandboxResult {
        guard await breaker.allowsCall() else {
            throw SandboxBreakerOpenError(failures: await breaker.failureCount, openDuration: openDuration)
        }
        do {
            let result = try await base.run(job)
            await breaker.recordSuccess()
            await publish()
            return result
        } catch let error as SandboxInfrastructureError {
            await breaker.recordFailure()
            await publish()
            throw error
        } catch {
            await breaker.recordAbandoned()
            throw error
        }
    }

    private func publish() async {
        await publisher.publish(await breaker.state, failures: await breaker.failureCount)
    }
}
