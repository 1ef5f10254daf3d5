/// Why the documentation library could not answer.
package enum DocLibraryError: Error, Equatable, CustomStringConvertible {
    /// The first load has not finished.
    case notReady
    /// The embedder returned vectors of the wrong length.
    case badEmbedding(expected: Int, got: Int)
    /// The embedder returned the wrong number of vectors.
    case wrongVectorCount(expected: Int, got: Int)

    package var description: String {
        switch self {
        case .notReady: "Vector store not ready yet. Please wait a moment and retry."
        case .badEmbedding(let expected, let got): "the embedder returned a vector of \(got) dimensions, expected \(expected)"
        case .wrongVectorCount(let expected, let got): "the embedder returned \(got) vectors for \(expected) texts"
        }
    }
}
