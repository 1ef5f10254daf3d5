#if canImport(Glibc)
    import Glibc
#endif

/// A host user and group id pair.
package struct SandboxUser: Sendable, Hashable {
    /// The user id.
    package var uid: UInt32
    /// The group id.
    package var gid: UInt32

    /// Creates a user.
    package init(uid: UInt32, gid: UInt32) {
        self.uid = uid
        self.gid = gid
    }

    /// `nobody:nogroup` (65534:65534).
    package static let nobody = SandboxUser(uid: 65534, gid: 65534)

    /// The first directory on the way to `path` (from `/`, `path` included) that this user, with no supplementary
    /// groups, may not search; nil when every one is searchable, or when one does not exist (a different problem,
    /// reported where the path is used). A checkout under root's own 0700 home is the usual case.
    package func unsearchableDirectory(onPathTo path: String) -> String? {
        var directories = ["/"], prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            directories.append(prefix)
        }
        for directory in directories {
            var info = stat()
            guard stat(directory, &info) == 0 else { return nil }
            let mode = info.st_mode
            let searchable =
                info.st_uid == uid ? mode & S_IXUSR != 0 : info.st_gid == gid ? mode & S_IXGRP != 0 : mode & S_IXOTH != 0
            if !searchable { return directory }
        }
        return nil
    }
}
