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
}
