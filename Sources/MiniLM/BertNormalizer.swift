import Foundation

/// The text normalisation of BERT uncased, as the HuggingFace `BertNormalizer` does it with
/// `clean_text`, `handle_chinese_chars`, `lowercase` and (implied by lowercase) `strip_accents`,
/// in that order:
///
/// 1. drop NUL, U+FFFD and control characters (categories Cc, Cf, Co; tab, LF and CR excepted)
///    and turn every whitespace character into a space;
/// 2. put spaces around CJK ideographs;
/// 3. strip accents: canonical decomposition (NFD), then drop non-spacing marks (Mn);
/// 4. lower-case each character (full Unicode mapping, no context).
///
/// HuggingFace classifies characters with tables of Unicode 8.0 for categories Cc/Cf/Co, Mn and
/// P*; ``categoryInUnicode8(_:)`` gives the category a character had then.
enum BertNormalizer {
    /// The normalised text as Unicode scalars.
    static func normalize(_ text: Substring) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x09, 0x0A, 0x0D, 0x20: cleaned.append(" ")
                case 0x00..<0x20, 0x7F: continue
                default: cleaned.append(scalar)
                }
                continue
            }
            isASCII = false
            if value == 0xFFFD || isControl(scalar) {
                continue
            }
            if scalar.properties.isWhitespace {
                cleaned.append(" ")
            } else if isChineseCharacter(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }

        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        if isASCII {
            for scalar in cleaned {
                appendLowercased(scalar, to: &result)
            }
            return result
        }
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
        where categoryInUnicode8(scalar) != .nonspacingMark {
            appendLowercased(scalar, to: &result)
        }
        return result
    }

    /// Appends the lower-case form of `scalar`, one or more scalars (U+0130 becomes `i` and U+0307).
    private static func appendLowercased(_ scalar: Unicode.Scalar, to result: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            result.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else {
            result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    /// Whether BERT treats `scalar` as punctuation: ASCII punctuation (which includes symbols
    /// such as `$`, `+`, `^`) or any Unicode punctuation category P*.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch categoryInUnicode8(scalar) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Control characters that clean-up removes: categories Cc, Cf and Co.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch categoryInUnicode8(scalar) {
        case .control, .format, .privateUse:
            return true
        default:
            return false
        }
    }

    /// The CJK ideograph blocks that BERT surrounds with spaces (the ranges of the reference
    /// implementation, including its start of Extension E at U+2B920).
    private static func isChineseCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// The general category `scalar` had in Unicode 8.0, or `nil` if it was not assigned then.
    /// Seven characters changed category since; checked against the reference tokenizer for
    /// every code point, they are the only ones where today's category gives other tokens.
    private static func categoryInUnicode8(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory? {
        switch scalar.value {
        case 0x166D, 0x111C9: return .otherPunctuation
        case 0x1734, 0x1171E: return .nonspacingMark
        case 0x1885, 0x1886: return .otherLetter
        case 0xA9BD: return .spacingMark
        default:
            guard let age = scalar.properties.age, age.major < 8 || (age.major == 8 && age.minor == 0) else {
                return nil
            }
            return scalar.properties.generalCategory
        }
    }
}
