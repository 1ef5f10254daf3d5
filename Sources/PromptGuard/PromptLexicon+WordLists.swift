extension PromptLexicon {
    /// Function words that carry no content of their own (English and Spanish).
    static let stopWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "itself", "of", "in", "on", "at", "by", "for",
        "with", "as", "and", "or", "then", "than", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
        "had", "having", "do", "does", "did", "will", "would", "should", "can", "could", "may", "might", "must", "shall",
        "please", "all", "every", "each", "any", "some", "only", "just", "also", "there", "their", "theirs", "them", "they",
        "we", "our", "ours", "us", "you", "your", "i", "me", "my", "he", "she", "his", "her", "him", "who", "whom", "whose",
        "which", "what", "where", "when", "whenever", "while", "if", "whether", "so", "such", "given", "same", "per", "via",
        "using", "use", "based", "about", "across", "off", "out", "very", "too", "here", "now", "currently", "already",
        "either", "yet", "still", "ca", "wo", "one", "ones", "other", "there", "way", "both", "more", "less", "instead", "again",
        "el", "la", "los", "las", "lo", "un", "unos", "unas", "de", "del", "al", "en", "con", "por", "para", "que",
        "cual", "cuyo", "cuya", "cuyos", "cuyas", "donde", "y", "o", "e", "u", "se", "su", "sus", "le", "les", "es", "son",
        "esta", "este", "estos", "estas", "esa", "ese", "esos", "esas", "estan", "todo", "toda", "todos", "todas", "cada",
        "solo", "solamente", "forma", "manera", "hay", "como", "si", "mi", "tu", "nos", "nuestro", "nuestra", "mas",
    ]

    /// Canonical terms too generic to tell two prompts apart on their own ("get", "file", "status").
    static let lightTerms: Set<String> = ["get", "convert", "valid", "value", "file", "status", "contain", "exist", "filler"]

    /// Words that say how a request is phrased, not what it asks for: general verbs ("take", "apply", "give"), linking
    /// words ("against", "appears") and adverbs. A swap of such words alone is rewording, not another request: "take
    /// the net amount and apply 21% VAT" is "compute 21% VAT on the net amount". Data operations ("copy", "merge",
    /// "send"), fields and entities are never in this list.
    static let genericWords: Set<String> = [
        "take", "takes", "taking", "apply", "applies", "applying", "applied", "use", "uses", "used", "utilize", "employ",
        "give", "gives", "giving", "put", "puts", "putting", "place", "make", "makes", "making", "do", "let", "help",
        "need", "needs", "want", "wants", "like", "try", "go", "goes", "come", "comes", "bring", "keep", "keeps", "hold",
        "holds", "look", "looks", "see", "appear", "appears", "appearing", "show", "shows", "showing", "shown", "become",
        "becomes", "seem", "seems", "provide", "provides", "produce", "produces", "yield", "yields", "obtain", "obtains",
        "grab", "pull", "perform", "carry", "handle", "work", "involve", "involves", "end", "result", "results", "called",
        "named", "titled", "against", "versus", "vs", "back", "away", "together", "along", "whole", "entire", "actual",
        "specific", "particular", "certain", "various", "individual", "overall", "respectively", "accordingly", "properly",
        "correctly", "newly", "ago", "ranked", "tell", "say", "says", "saying", "toma", "tomar",
        "tomando", "usa", "usar", "usando", "pon", "poner", "da", "dar", "dame", "aparece", "aparecen", "obten", "obtener",
        "muestra", "mostrar",
    ]

    /// Classes of canonical terms that name mutually exclusive things: a prompt naming one member and another naming a
    /// different one ask for different data, even when the words stand in different places ("the sender's address"
    /// against "the address of the recipient").
    static let exclusiveClasses: [(kind: String, members: Set<String>)] = [
        ("field", ["sender", "recipient", "reply-to", "cc", "bcc"]),
        ("field", ["subject", "body", "signature", "header"]),
        ("entity", ["customer", "supplier"]),
        ("entity", ["invoice", "receipt", "purchase order", "credit note", "delivery note", "quote", "refund"]),
    ]

    /// Words whose prefix negates a base word ("unpaid" is "not paid").
    static let negatedForms: [String: String] = [
        "unpaid": "paid", "unread": "read", "unverified": "verified", "unsent": "sent", "unopened": "opened",
        "unassigned": "assigned", "unprocessed": "processed", "unmatched": "matched", "unapproved": "approved",
        "unconfirmed": "confirmed", "unanswered": "answered", "unresolved": "resolved", "unsigned": "signed",
        "unbilled": "billed", "undelivered": "delivered", "unshipped": "shipped", "unchecked": "checked",
        "unreconciled": "reconciled", "unpublished": "published", "unused": "used", "unflagged": "flagged",
        "invalid": "valid", "inactive": "active", "incomplete": "complete", "incorrect": "correct",
        "inconsistent": "consistent", "disabled": "enabled", "impagada": "pagada", "impagadas": "pagada",
        "impagado": "pagado", "impagados": "pagado", "invalido": "valido", "invalida": "valido", "inactivo": "activo",
        "inactiva": "activo",
    ]

    /// Words a request may open with before its verb ("Can you empty…", "Please archive…", "¿Puedes volcar…"): the
    /// verb after them still reads as the first word.
    static let politeOpenings: Set<String> = ["can", "could", "would", "will", "you", "please", "kindly", "puedes", "podrias", "por", "favor"]

    /// Adverbs that may stand before an imperative's verb without taking its place ("Only process …", "Just list …").
    static let openingAdverbs: Set<String> = ["only", "just", "also", "simply", "always", "solo", "solamente", "tambien", "siempre"]

    /// Whether `word` may stand before the leading verb of an imperative: a polite opening or an opening adverb.
    static func precedesLeadingVerb(_ word: String) -> Bool {
        politeOpenings.contains(word) || openingAdverbs.contains(word)
    }

    /// Spanish words that repeat a negation already made in their clause ("no han hecho ningún pedido" is one
    /// negation, not two).
    static let concordNegations: Set<String> = ["ningun", "ninguno", "ninguna", "nada", "nunca", "nadie", "tampoco"]

    /// Words that end a "from …" or "to …" span.
    static let spanBreakers: Set<String> = [
        "and", "then", "where", "which", "that", "if", "when", "by", "with", "using", "for", "whose", "y", "donde", "que",
        "con", "por", "para",
    ]

    /// Words that end the replaced span of "replace … with …" and start the replacing one.
    static let replacementMarkers: Set<String> = ["with", "by", "for", "con", "por"]

    /// Terms that change what a request returns when only one of two prompts has them: "count the distinct customers"
    /// is not "count the customers".
    static let qualifiers: Set<String> = ["distinct"]

    /// What a prompt's first word means when it is an imperative verb that is otherwise a noun or an adjective
    /// ("Order the rows…", "Returns the rows…", "Email the customer…", "Empty the table…").
    static let imperatives: [String: [LexiconEffect]] = [
        "order": [.term("sort")],
        "returns": [.contrast(.action, "read")],
        "archive": [.contrast(.action, "move"), .term("archive")],
        "empty": [.contrast(.action, "delete")],
        "email": [.term("send"), .term("email")],
        "mail": [.term("send"), .term("email")],
    ]
}
