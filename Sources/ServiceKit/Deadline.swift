import Synchronization

/// The operation did not finish within its deadline.
package struct DeadlineExceeded: Error, CustomStringConvertible, Sendable {
    /// The deadline that passed, in seconds.
    package let seconds: Double

    /// A one-line message.
    package var description: String { "no answer within \(seconds) s" }
}

/// Runs `operation` and returns its result, or throws ``DeadlineExceeded`` once `seconds` pass, whichever comes first.
///
/// The deadline holds even for an operation that ignores cancellation (a query on a frozen PostgreSQL connection, a
/// blocking call): it is cancelled and left to finish on its own, never awaited past the deadline. A task group would
/// wait for it, which is how a stuck check once froze nova's `/health` (docs/reliability.md).
package func withDeadline<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let race = DeadlineRace<T>()
    let work = Task {
        do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
    }
    let timer = Task {
        try? await Task.sleep(for: .seconds(seconds))
        race.finish(.failure(DeadlineExceeded(seconds: seconds)))
    }
    defer {
        work.cancel()
        timer.cancel()
    }
    return try await withTaskCancellationHandler {
        try await race.value()
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of several results, handed to one waiter.
private final class DeadlineRace<T: Sendable>: Sendable {
    private enum State {
        case waiting
        case parked(CheckedContinuation<T, any Error>)
        case finished(Result<T, any Error>)
        case delivered
    }

    private let state = Mutex<State>(.waiting)

    /// Offers a result; only the first one counts.
    func finish(_ result: Result<T, any Error>) {
        let waiter: CheckedContinuation<T, any Error>? = state.withLock { state in
            switch state {
            case .waiting:
                state = .finished(result)
                return nil
            case .parked(let continuation):
                state = .delivered
                return continuation
            case .finished, .delivered:
                return nil
            }
        }
        waiter?.resume(with: result)
    }

    /// Waits for the first result.
    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<T, any Error>? = state.withLock { state in
                guard case .finished(let result) = state else {
                    state = .parked(continuation)
                    return nil
                }
                state = .delivered
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
