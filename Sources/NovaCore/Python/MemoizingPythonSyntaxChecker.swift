import Synchronization

/// Remembers the answers of another ``PythonSyntaxChecker`` per source, so that executing a stored workflow (whose
/// graph is validated again, D14) does not start `python3` for code already checked. Holds at most ``capacity``
/// sources and forgets them all when full; the answers of one interpreter never change.
package final class MemoizingPythonSyntaxChecker: PythonSyntaxChecker {
    /// Sources remembered before the memory is cleared.
    package let capacity: Int
    private let base: any PythonSyntaxChecker
    private let answers = Mutex<[String: String?]>([:])

    /// Remembers the answers of `base`.
    package init(_ base: any PythonSyntaxChecker, capacity: Int = 4096) {
        self.base = base
        self.capacity = capacity
    }

    /// One answer per source, in order; only sources not remembered go to the base checker, in one call.
    package func syntaxErrors(in sources: [String]) async throws -> [String?] {
        let known = answers.withLock { answers in sources.map { answers[$0] } }
        let unknown = Array(Set(zip(sources, known).compactMap { $1 == nil ? $0 : nil }))
        guard !unknown.isEmpty else { return known.map { $0 ?? nil } }
        let fresh = Dictionary(uniqueKeysWithValues: zip(unknown, try await base.syntaxErrors(in: unknown)))
        answers.withLock { answers in
            if answers.count + fresh.count > capacity { answers.removeAll() }
            answers.merge(fresh) { _, new in new }
        }
        return zip(sources, known).map { source, remembered in
            if let remembered { return remembered }
            return fresh[source] ?? nil
        }
    }
}
