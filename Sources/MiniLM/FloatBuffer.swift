/// A fixed-size, 64-byte aligned block of `Float`s that is written once, while it is created,
/// and only read afterwards.
///
/// It is `@unchecked Sendable` because nothing can write to it after `init` returns: the mutable
/// pointer is handed out only to the initialiser closure.
final class FloatBuffer: @unchecked Sendable {
    /// Read-only view of the values.
    let pointer: UnsafePointer<Float>

    /// Allocates `count` floats and lets `initializer` fill them (they start as zero).
    init(count: Int, initializer: (UnsafeMutablePointer<Float>) throws -> Void) rethrows {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
        let floats = raw.initializeMemory(as: Float.self, repeating: 0, count: max(count, 1))
        do {
            try initializer(floats)
        } catch {
            raw.deallocate()
            throw error
        }
        self.pointer = UnsafePointer(floats)
    }

    deinit {
        UnsafeMutableRawPointer(mutating: pointer).deallocate()
    }
}
