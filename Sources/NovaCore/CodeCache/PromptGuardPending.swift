// TEMPORARY until the guard lands in Guard/: remove this file then.
package struct PromptGuard: Sendable {
    package init() {}
    package func check(query: String, candidate: String) -> PromptGuardVerdict { .compatible }
}
package enum PromptGuardVerdict: Sendable, Equatable {
    case compatible
    case conflict(String)
}
