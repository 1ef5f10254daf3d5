import PromptGuard

/// The prompt guard's reading of stored entries' prompts, by entry id: made the first time a search meets the entry
/// as a candidate and kept until the entry is replaced or removed, so that a search reads only its own prompt.
///
/// Readings are made on demand rather than when entries are loaded: reading every prompt of a large store would cost
/// its start-up far more than the searches save, and most entries are never a candidate. A reading takes 2.5–6 KB
/// (prompts of 6–14 and of 30–50 words), so at most ``capacity`` are held: past it, an arbitrary one is dropped for
/// each new one, and is read again if a search meets its entry again.
final class StoredPromptReadings: Sendable {
    /// Readings held at most (by default 10,000: about 25–60 MB).
    let capacity: Int

    private let promptGuard: PromptGuard
    private let readings = ReadWriteLocked<[String: PromptGuard.PreparedPrompt]>([:])

    /// Readings made with `promptGuard`, at most `capacity` held.
    init(promptGuard: PromptGuard, capacity: Int = 10_000) {
        self.promptGuard = promptGuard
        self.capacity = capacity
    }

    /// The reading of `entry`'s prompt, made now if it is not held.
    func reading(of entry: CodeEntry) -> PromptGuard.PreparedPrompt {
        if let held = readings.read({ $0[entry.id] }) { return held }
        let made = promptGuard.prepare(entry.aiDescription)
        readings.write { readings in
            if readings.count >= capacity, let dropped = readings.first?.key { readings[dropped] = nil }
            readings[entry.id] = made
        }
        return made
    }

    /// Drops the reading of the entry `id` (replaced or removed).
    func forget(_ id: String) {
        readings.write { $0[id] = nil }
    }

    /// Number of readings held.
    var count: Int { readings.read(\.count) }
}
