/// The routes anyone may call without an API key and without counting against a rate limit: liveness probes, and the
/// dashboard's static files (`/ui` and `/ui/<file>`: they hold no data; the page asks for a key before it calls the
/// API). Only one path segment under `/ui` is open, and never a dot segment, so no path can reach another route.
enum OpenPaths {
    static let paths: Set<String> = ["/", "/health", "/ui", "/ui/"]

    static func contains(_ path: String) -> Bool {
        if paths.contains(path) { return true }
        guard path.hasPrefix("/ui/") else { return false }
        let file = path.dropFirst(4)
        return !file.contains("/") && !file.contains("%") && !file.hasPrefix(".")
    }
}
