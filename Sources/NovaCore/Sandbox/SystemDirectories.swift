import Foundation

/// The host's system directories a sandbox sees read-only (`/usr`, `/etc`, `/bin`, `/sbin`, `/lib*`): merged-`/usr`
/// symlinks are recreated as symlinks, real directories are bound, missing ones skipped. Nothing else of the host
/// is visible — not `/root`, `/home`, `/work` or Nova's data — except the configured extra paths.
struct SystemDirectories: Sendable, Hashable {
    /// The directories, where they exist; also what Landlock lets the code read.
    static let paths = ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"]

    /// bubblewrap options recreating the directories.
    let bubblewrapOptions: [String]

    /// Reads the layout of `paths` on this host.
    init(paths: [String] = Self.paths) {
        let files = FileManager.default
        bubblewrapOptions = paths.flatMap { path -> [String] in
            if let target = try? files.destinationOfSymbolicLink(atPath: path) { return ["--symlink", target, path] }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
            return ["--ro-bind", path, path]
        }
    }
}
