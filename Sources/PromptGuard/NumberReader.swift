/// Reads numeric literals written with English or Spanish separators, and numbers written as words.
enum NumberReader {
    /// Values of number words in English and Spanish; `one`, `a` and their Spanish forms are weak (see ``weakWords``).
    static let wordValues: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "both": 2,
        "cero": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
        "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
        "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
        "cien": 100, "ciento": 100, "ambos": 2, "ambas": 2,
    ]
    /// Number words that are as often articles or pronouns as numbers: they never cause a conflict on their own.
    static let weakWords: Set<String> = ["one", "uno", "una", "both", "ambos", "ambas"]
    /// Words that multiply the number before them ("5 thousand").
    static let multipliers: [String: Double] = [
        "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "mil": 1_000, "millon": 1_000_000,
        "millones": 1_000_000,
    ]
    /// Durations counted in days, so that "2 weeks" is "14 days".
    static let daysPerUnit: [String: Double] = ["week": 7, "weeks": 7, "semana": 7, "semanas": 7]

    /// Words that join the parts of a number written in words ("three hundred and five", "treinta y cinco").
    private static let numberJoiners: Set<String> = ["and", "y"]

    /// The value of a number written in several words, starting with one whose value is `first`: "twenty-one",
    /// "three hundred sixty-five", "treinta y cinco". Returns the value and the index after its last word (`start`
    /// when no word follows that continues the number).
    static func compoundValue(startingWith first: Double, words: [String?], from start: Int) -> (value: Double, next: Int) {
        var total = first, last = first, index = start
        while index < words.count {
            let position = words[index].map(numberJoiners.contains) == true ? index + 1 : index
            guard position < words.count, let word = words[position], let value = wordValues[word] else { break }
            if value == 100, total < 10, total >= 1 {
                total *= 100
            } else if value < 10, value >= 1, last >= 20, last.truncatingRemainder(dividingBy: 10) == 0 {
                total += value
            } else if value < 100, last == 100 {
                total += value
            } else {
                break
            }
            last = value
            index = position + 1
        }
        return (total, index)
    }

    /// The value of a literal such as `1000`, `1,000`, `1.000`, `1,000.50`, `1.000,50` or `2,5`; nil when it is not one.
    static func value(of literal: String) -> Double? {
        let hasComma = literal.contains(","), hasDot = literal.contains(".")
        var digits = literal
        if hasComma && hasDot, let lastComma = literal.lastIndex(of: ","), let lastDot = literal.lastIndex(of: ".") {
            let decimalIsComma = lastComma > lastDot
            digits = String(
                literal.compactMap { character -> Character? in
                    switch character {
                    case ",": decimalIsComma ? "." : nil
                    case ".": decimalIsComma ? nil : "."
                    default: character
                    }
                })
        } else if hasComma || hasDot {
            let groups = literal.split(whereSeparator: { $0 == "," || $0 == "." }).map(String.init)
            let isThousands = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && groups[0].count <= 3 && groups[0] != "0"
            if isThousands {
                digits = groups.joined()
            } else if groups.count == 2 {
                digits = groups.joined(separator: ".")
            }
        }
        return Double(digits)
    }
}
