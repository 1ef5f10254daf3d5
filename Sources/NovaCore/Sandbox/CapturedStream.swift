/// What the sandbox kept of one output stream: its last bytes up to the cap, and how many came in total.
package struct CapturedStream: Sendable, Hashable {
    /// The kept bytes: the whole stream, or its end when it exceeded the cap.
    package var bytes: [UInt8]
    /// Bytes the program wrote to the stream in total.
    package var totalBytes: Int

    /// Creates a captured stream.
    package init(bytes: [UInt8], totalBytes: Int) {
        self.bytes = bytes
        self.totalBytes = totalBytes
    }

    /// Bytes read and thrown away because the stream exceeded the cap (they were at its start).
    package var discardedBytes: Int { totalBytes - bytes.count }

    /// Whether the stream exceeded the cap.
    package var isTruncated: Bool { discardedBytes > 0 }

    /// The kept bytes as text (invalid UTF-8 replaced).
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The last `limit` bytes (or fewer) as text, starting on a character boundary.
    package func tail(_ limit: Int) -> String {
        var start = max(bytes.count - limit, 0)
        while start < bytes.count, bytes[start] & 0b1100_0000 == 0b1000_0000 { start += 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
