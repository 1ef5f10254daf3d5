import Foundation
import NovaCore
import RAGCore

/// The hash embedder, counting every text it embeds.
final class CountingEmbedder: Embedder, @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    private let inner: HashEmbedder

    init(dimension: Int = 384) {
        inner = HashEmbedder(dimension: dimension)
    }

    var modelName: String { inner.modelName }
    var dimension: Int { inner.dimension }

    /// Every text embedded so far, in order.
    var embedded: [String] { lock.withLock { texts } }

    /// Forgets the texts embedded so far.
    func reset() {
        lock.withLock { texts.removeAll() }
    }

    func embed(_ batch: [String]) async throws -> [[Float]] {
        lock.withLock { texts += batch }
        return try await inner.embed(batch)
    }
}

/// The hash embedder, holding every call until ``release()`` (to observe a service that is still loading).
final class HeldEmbedder: Embedder, @unchecked Sendable {
    private let lock = NSLock()
    private var released = false
    private let inner = HashEmbedder(dimension: 384)

    var modelName: String { inner.modelName }
    var dimension: Int { inner.dimension }

    /// Lets every waiting and future call through.
    func release() {
        lock.withLock { released = true }
    }

    func embed(_ batch: [String]) async throws -> [[Float]] {
        while !lock.withLock({ released }) { try await Task.sleep(for: .milliseconds(10)) }
        return try await inner.embed(batch)
    }
}
