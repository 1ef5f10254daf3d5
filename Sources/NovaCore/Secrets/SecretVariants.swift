import Foundation

/// The forms a secret value takes after the simple transforms node code may apply to it before printing or raising it:
/// reversed, base64 (standard and URL-safe), hex and URL-encoded. Case changes are caught by matching case-insensitively
/// (``SecretRedactor``), so upper- or lower-cased forms of all of these are found too.
///
/// Not caught: a secret split, interleaved or encrypted, and base64 of a secret that starts at an offset not a multiple
/// of 3 inside a longer encoded text (its encoding then shares no aligned characters with the secret's own).
enum SecretVariants {
    /// `secret` and its transformed forms, without duplicates.
    static func of(_ secret: String) -> [String] {
        let bytes = Data(secret.utf8)
        let base64 = bytes.base64EncodedString()
        let unpadded = String(base64.prefix { $0 != "=" })
        // The characters that only the secret's own bytes decide, whatever follows it in a longer encoded text.
        let aligned = String(base64.prefix(bytes.count / 3 * 4))
        let urlSafe = { (text: String) in text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        // Everything escaped, RFC 3986's unreserved characters kept (Python's `quote(p, safe='')`), and a query's rules.
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret
        let unreserved = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? secret
        let formEncoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? secret
        var seen = Set<String>()
        return [secret, String(secret.reversed()), unpadded, urlSafe(unpadded), aligned, urlSafe(aligned), hex, encoded, unreserved, formEncoded]
            .filter { $0.count >= 4 && seen.insert($0.lowercased()).inserted }
    }
}
