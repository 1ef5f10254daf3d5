/// Keeps the `capacity` highest-scoring rows seen, in a min-heap, without sorting everything.
struct TopK {
    struct Candidate {
        let row: Int
        let score: Float
    }

    private let capacity: Int
    private var heap: [Candidate] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// Offers one row; kept if among the best so far.
    mutating func offer(row: Int, score: Float) {
        if heap.count < capacity {
            heap.append(Candidate(row: row, score: score))
            siftUp(heap.count - 1)
        } else if worse(heap[0], than: Candidate(row: row, score: score)) {
            heap[0] = Candidate(row: row, score: score)
            siftDown(0)
        }
    }

    /// The kept rows, best first; equal scores keep the lower row first.
    func sorted() -> [Candidate] {
        heap.sorted { worse($1, than: $0) }
    }

    /// Whether `lhs` ranks below `rhs`: lower score, or equal score and later row.
    private func worse(_ lhs: Candidate, than rhs: Candidate) -> Bool {
        lhs.score < rhs.score || (lhs.score == rhs.score && lhs.row > rhs.row)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard worse(heap[child], than: heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && worse(heap[left], than: heap[smallest]) { smallest = left }
            if right < heap.count && worse(heap[right], than: heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
