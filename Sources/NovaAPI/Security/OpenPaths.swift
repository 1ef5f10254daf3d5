/// The routes anyone may call without an API key and without counting against a rate limit: liveness probes.
enum OpenPaths {
    static let paths: Set<String> = ["/", "/health"]

    static func contains(_ path: String) -> Bool {
        paths.contains(path)
    }
}
