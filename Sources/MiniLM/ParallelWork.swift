import Dispatch

/// Spreads the parts of a computation over a fixed number of threads.
struct ParallelWork: Sendable {
    /// Number of threads the computation may use.
    let threadCount: Int

    /// Calls `body` for every part in `0..<parts`, on up to ``threadCount`` threads at once,
    /// and returns when all calls have returned.
    func run(parts: Int, _ body: (Int) -> Void) {
        if threadCount <= 1 || parts <= 1 {
            for part in 0..<parts {
                body(part)
            }
        } else {
            // `concurrentPerform` wants a `@Sendable` closure; `body` need not be one because the
            // call returns only after every part has run, and the parts write disjoint memory.
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedSendable(body: body)
                DispatchQueue.concurrentPerform(iterations: parts) { shared.body($0) }
            }
        }
    }

    /// Carries a closure into `concurrentPerform`.
    private struct UncheckedSendable: @unchecked Sendable {
        let body: (Int) -> Void
    }

    /// The `part`-th of `parts` nearly equal consecutive slices of `0..<count`, with every slice
    /// boundary a multiple of `alignment`.
    static func slice(_ part: Int, of parts: Int, count: Int, alignment: Int = 1) -> Range<Int> {
        let units = (count + alignment - 1) / alignment
        let start = min(count, units * part / parts * alignment)
        let end = part == parts - 1 ? count : min(count, units * (part + 1) / parts * alignment)
        return start..<end
    }
}
