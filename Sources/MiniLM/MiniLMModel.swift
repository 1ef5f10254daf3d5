import COpenBLAS
import Foundation

/// The all-MiniLM-L6-v2 sentence-embedding model, run natively: WordPiece tokenisation, a
/// 6-layer BERT encoder (matrix products by OpenBLAS), mean pooling over the tokens and L2
/// normalisation. Its vectors match the sentence-transformers reference to a cosine of 0.9999.
///
/// The model is immutable once loaded, so one instance can serve any number of threads or
/// tasks at once; each ``embed(_:)`` call uses its own scratch memory.
///
/// Each call spreads its work over `OPENBLAS_NUM_THREADS` threads (default: one per core),
/// matrix products included; loading a model therefore sets OpenBLAS itself to one thread per
/// call (`openblas_set_num_threads(1)`), for the whole process.
public final class MiniLMModel: Sendable {
    /// Name of the model's folder inside the models directory (`NOVA_MODEL_DIR`).
    public static let directoryName = "all-MiniLM-L6-v2"
    /// Number of tokens the model reads from a text, `[CLS]` and `[SEP]` included; the rest is
    /// cut off (sentence-transformers' `max_seq_length` for this model).
    public static let maxSequenceLength = 256
    /// Files the model directory must contain.
    public static let requiredFiles = ["config.json", "vocab.txt", "model.safetensors"]

    /// Length of every embedding (384).
    public let dimension: Int
    /// Largest number of tokens ``embed(_:)`` encodes in one forward pass; bigger batches are
    /// split into several passes.
    public let tokensPerPass: Int
    /// The tokenizer built from the model's `vocab.txt`.
    public let tokenizer: WordPieceTokenizer
    private let encoder: BertEncoder

    /// Loads the model from `directory` (for example `<NOVA_MODEL_DIR>/all-MiniLM-L6-v2`), which
    /// must hold ``requiredFiles`` as `scripts/fetch-model.sh` installs them.
    ///
    /// `tokensPerPass` bounds the scratch memory of an ``embed(_:)`` call: about 15 KiB per token,
    /// so 60 MiB for the default 4096; a pass takes at least one whole text.
    ///
    /// - Throws: ``MiniLMError/modelDirectoryMissing(_:)`` or ``MiniLMError/modelFileMissing(_:)``,
    ///   whose description names the path and says to run `scripts/fetch-model.sh`, or
    ///   ``MiniLMError/invalidModelFile(_:reason:)`` for a corrupt or unexpected file.
    public init(directory: URL, tokensPerPass: Int = 4096) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw MiniLMError.modelDirectoryMissing(directory)
        }
        for name in Self.requiredFiles {
            let file = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw MiniLMError.modelFileMissing(file)
            }
        }
        let configuration = try BertConfiguration(contentsOf: directory.appendingPathComponent("config.json"))
        tokenizer = try WordPieceTokenizer(
            vocabularyFile: directory.appendingPathComponent("vocab.txt"),
            maxLength: min(Self.maxSequenceLength, configuration.maxPositions))
        let weightsFile = try SafeTensorsFile(contentsOf: directory.appendingPathComponent("model.safetensors"))
        encoder = BertEncoder(
            configuration: configuration, weights: try BertWeights(configuration: configuration, from: weightsFile),
            parallel: ParallelWork(threadCount: Self.threadCount()))
        dimension = configuration.hiddenSize
        self.tokensPerPass = tokensPerPass
    }

    /// Threads for the forward pass: `OPENBLAS_NUM_THREADS` if set, else one per core; also
    /// switches OpenBLAS to one thread per call, since the pass splits its matrix products itself.
    private static func threadCount() -> Int {
        openblas_set_num_threads(1)
        let requested = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"].flatMap { Int($0) }
        return max(1, requested ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The token ids the model reads for `text`: `[CLS] … [SEP]`, at most ``maxSequenceLength``.
    public func tokenize(_ text: String) -> [Int32] {
        tokenizer.encode(text)
    }

    /// The unit-length embedding of each text, in order. Texts are encoded together, in passes of
    /// up to ``tokensPerPass`` tokens; each vector is the same as when its text is embedded alone.
    public func embed(_ texts: [String]) -> [[Float]] {
        let sequences = texts.map(tokenizer.encode)
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < sequences.count {
            var end = start
            var tokens = 0
            while end < sequences.count, end == start || tokens + sequences[end].count <= tokensPerPass {
                tokens += sequences[end].count
                end += 1
            }
            vectors.append(contentsOf: encoder.embed(Array(sequences[start..<end])))
            start = end
        }
        return vectors
    }

    /// The unit-length embedding of one text.
    public func embed(_ text: String) -> [Float] {
        embed([text])[0]
    }
}
