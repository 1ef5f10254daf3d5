/// Reduces an English or Spanish word to a crude stem so that inflections compare equal
/// ("invoices" / "invoice", "duplicated" / "duplicate", "sorting" / "sort", "facturas" / "factura").
enum WordStemmer {
    /// The stem of a lowercased, diacritic-free word.
    static func stem(_ word: String) -> String {
        var stem = word
        guard stem.count > 3 else { return stem }
        // A plural noun in -ings keeps its -ing: "savings" is not "save", "settings" not "set".
        if stem.hasSuffix("ings"), stem.count > 6 {
            return String(stem.dropLast())
        }
        if stem.hasSuffix("ies"), stem.count > 4 {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.hasSuffix("sses") || stem.hasSuffix("xes") || stem.hasSuffix("ches") || stem.hasSuffix("shes") {
            stem.removeLast(2)
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem.removeLast()
        }
        for suffix in ["ing", "ed"] where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            stem.removeLast(suffix.count)
            if let last = stem.last, stem.count >= 4, stem.dropLast().last == last, !"lsz".contains(last) {
                stem.removeLast()
            }
            break
        }
        if stem.hasSuffix("e"), stem.count >= 4 { stem.removeLast() }
        return stem
    }
}
