/// The `storage` field both services' `/health` report (`ok`, `remote`, `full: …`, `unwritable: …`), and the one rule
/// both apply to it.
package enum StorageState {
    /// Whether the store can take writes: `ok` (the embedded store's disk has room and can be written) or `remote`
    /// (PostgreSQL, whose disk the database server reports through its errors).
    package static func isWritable(_ state: String) -> Bool {
        state == "ok" || state == "remote"
    }
}
