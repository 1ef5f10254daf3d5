import NovaCore
import NovaStorage

extension SQLConstraintViolation {
    /// Runs `body`, reporting a unique-constraint violation as `conflict` (a 400 the API explains).
    static func reportingUnique<T>(as conflict: @autoclosure () -> StoreConflict, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch SQLConstraintViolation.unique {
            throw conflict()
        }
    }
}
