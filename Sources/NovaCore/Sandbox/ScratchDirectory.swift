import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The private directory of one run outside namespaces: made with mode 0700 (owned by the sandbox user when nova
/// drops privileges), the only place the code may write under Landlock, removed with everything in it after the run.
struct ScratchDirectory: Sendable {
    /// Its absolute path.
    let path: String

    /// Makes `<root>/nova-sandbox-XXXXXX`, owned by `owner` when given.
    init(under root: String, owner: SandboxUser?) throws(SandboxInfrastructureError) {
        var template = Array((root + "/nova-sandbox-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SandboxInfrastructureError("cannot make a scratch directory under \(root): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        if let owner, chown(path, owner.uid, owner.gid) != 0 {
            let problem = String(cString: strerror(errno))
            remove()
            throw SandboxInfrastructureError("cannot give the scratch directory \(path) to uid \(owner.uid): \(problem)")
        }
    }

    /// Removes the directory and its contents, first giving back the rights the code may have taken from its own
    /// subdirectories (a directory it made unsearchable or read-only would stop the removal).
    func remove() {
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        Self.openUp(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func openUp(_ directory: String) {
        chmod(directory, 0o700)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let full = directory + "/" + entry
            var info = stat()
            if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { openUp(full) }
        }
    }
}
