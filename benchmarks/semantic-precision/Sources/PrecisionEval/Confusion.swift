/// Counts of a binary decision ("reuse the stored code") against the labels.
struct Confusion {
    private(set) var truePositives = 0
    private(set) var falsePositives = 0
    private(set) var falseNegatives = 0
    private(set) var trueNegatives = 0

    /// Adds one decision.
    mutating func add(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
    }

    /// TP / (TP + FP); 1 when nothing was predicted positive.
    var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// TP / (TP + FN); 1 when there is no positive label.
    var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
}
