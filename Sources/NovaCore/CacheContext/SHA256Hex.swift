import Crypto

/// Lower-case hex SHA-256 of UTF-8 text.
package func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
}
