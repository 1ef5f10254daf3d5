import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw tensor bytes. The file is memory-mapped;
/// tensors are copied out of it, so the mapping can be dropped once the weights are loaded.
struct SafeTensorsFile {
    /// Where one tensor lives in the file.
    struct TensorInfo: Equatable {
        /// Element type as spelled in the header (`F32`, `I64`, …).
        let dtype: String
        /// Dimensions, outermost first.
        let shape: [Int]
        /// Byte range relative to the start of the data section.
        let byteRange: Range<Int>
    }

    /// The file this was read from, for error messages.
    let url: URL
    /// Every tensor of the file by name.
    let tensors: [String: TensorInfo]
    private let data: Data
    private let dataOffset: Int

    /// Maps the file and parses its header.
    init(contentsOf url: URL) throws {
        self.url = url
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw MiniLMError.invalidModelFile(url, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard data.count >= 8 else {
            throw MiniLMError.invalidModelFile(url, reason: "shorter than the 8-byte header length")
        }
        let headerLength = data.prefix(8).reversed().reduce(0) { ($0 << 8) | Int($1) }
        guard headerLength > 0, headerLength <= data.count - 8 else {
            throw MiniLMError.invalidModelFile(url, reason: "header length \(headerLength) exceeds the file")
        }
        dataOffset = 8 + headerLength
        let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<dataOffset))
        guard let entries = header as? [String: Any] else {
            throw MiniLMError.invalidModelFile(url, reason: "header is not a JSON object")
        }
        var tensors: [String: TensorInfo] = [:]
        for (name, value) in entries where name != "__metadata__" {
            guard let entry = value as? [String: Any],
                let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int],
                let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= data.count - dataOffset
            else {
                throw MiniLMError.invalidModelFile(url, reason: "header entry \(name) is malformed")
            }
            tensors[name] = TensorInfo(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        self.tensors = tensors
    }

    /// Copies the `F32` tensor `name`, which must have `shape`, to `destination`.
    func copyFloats(_ name: String, shape: [Int], to destination: UnsafeMutablePointer<Float>) throws {
        try withFloats(name, shape: shape) { source in
            destination.update(from: source.baseAddress!, count: source.count)
        }
    }

    /// Calls `body` with the values of the `F32` tensor `name`, which must have `shape`, read in
    /// place from the mapped file (a little-endian host is assumed, as on every Swift target
    /// this package builds for).
    func withFloats(_ name: String, shape: [Int], _ body: (UnsafeBufferPointer<Float>) -> Void) throws {
        guard let info = tensors[name] else {
            throw MiniLMError.invalidModelFile(url, reason: "tensor \(name) is missing")
        }
        let count = shape.reduce(1, *)
        guard info.dtype == "F32", info.shape == shape, info.byteRange.count == count * MemoryLayout<Float>.size
        else {
            throw MiniLMError.invalidModelFile(
                url, reason: "tensor \(name) is \(info.dtype) \(info.shape), expected F32 \(shape)")
        }
        data.withUnsafeBytes { bytes in
            let start = bytes.baseAddress!.advanced(by: dataOffset + info.byteRange.lowerBound)
            let floats = UnsafeRawBufferPointer(start: start, count: info.byteRange.count)
            floats.withMemoryRebound(to: Float.self) { body($0) }
        }
    }
}
