/// The network a sandboxed program gets.
package enum SandboxNetwork: String, Sendable, Hashable {
    /// The outside world through slirp4netns, never the host's loopback services (the default, docs/api.md §3.9).
    case internet
    /// A network namespace holding only its own loopback interface (`"network": false`, `SANDBOX_NETWORK=none`).
    case none
}
