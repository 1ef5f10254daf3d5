import Crypto

/// Hex SHA-256 digests of text.
package enum SHA256Hex {
    /// The lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    package static func of(_ text: String) -> String {
        let hex: [Character] = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return out
    }
}
