/// Keeps the last `capacity` bytes of a stream while counting all of them, so a reader can drain any amount of
/// output in bounded memory.
struct TailBuffer {
    /// Bytes kept at most.
    let capacity: Int
    private var bytes: [UInt8] = []
    private var total = 0

    /// Creates an empty buffer keeping at most `capacity` bytes.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends `chunk`, dropping the oldest bytes once twice the capacity is held (amortised O(1) per byte).
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        total += chunk.count
        bytes.append(contentsOf: chunk)
        if bytes.count > 2 * capacity { bytes.removeFirst(bytes.count - capacity) }
    }

    /// The kept bytes (the last `capacity`) and the total count.
    var captured: CapturedStream {
        CapturedStream(bytes: Array(bytes.suffix(capacity)), totalBytes: total)
    }
}
