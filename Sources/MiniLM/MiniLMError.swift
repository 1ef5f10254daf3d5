import Foundation

/// Why a ``MiniLMModel`` or ``WordPieceTokenizer`` could not be loaded.
public enum MiniLMError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The model directory does not exist.
    case modelDirectoryMissing(URL)
    /// A file the model needs is not in the model directory.
    case modelFileMissing(URL)
    /// A model file exists but cannot be used; `reason` says why.
    case invalidModelFile(URL, reason: String)
    /// A vocabulary given as a list of tokens lacks a token the tokenizer needs.
    case invalidVocabulary(reason: String)

    /// A one-line explanation that names the path and, for missing files, the script that fetches them.
    public var description: String {
        switch self {
        case .modelDirectoryMissing(let url):
            return "MiniLM model directory \(url.path) does not exist: run scripts/fetch-model.sh "
                + "(it installs the model under ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2)"
        case .modelFileMissing(let url):
            return "MiniLM model file \(url.path) is missing: run scripts/fetch-model.sh "
                + "(it installs the model under ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2)"
        case .invalidModelFile(let url, let reason):
            return "MiniLM model file \(url.path) is invalid: \(reason); "
                + "run scripts/fetch-model.sh to fetch a fresh copy"
        case .invalidVocabulary(let reason):
            return "invalid WordPiece vocabulary: \(reason)"
        }
    }

    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
