import Foundation

/// The one-sided Clopper–Pearson upper confidence bound of a rate seen as `failures` out of `trials`: the largest
/// rate `p` with P(Binomial(trials, p) ≤ failures) ≥ 1 − `confidence`. It holds at that confidence whatever the count,
/// which an estimate from few outcomes needs (0 failures in 10 trials bounds the rate at 0.26, not 0).
package enum ErrorRateBound {
    /// The bound, in [0, 1]; 1 without trials.
    package static func upper(failures: Int, trials: Int, confidence: Double) -> Double {
        guard trials > 0, failures < trials else { return 1 }
        let tail = 1 - confidence
        var low = Double(failures) / Double(trials)
        var high = 1.0
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if binomialCDF(failures, trials, middle) > tail { low = middle } else { high = middle }
        }
        return high
    }

    /// P(Binomial(n, p) ≤ k), each term from the one before in log space (no underflow at large n).
    private static func binomialCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        guard p > 0 else { return 1 }
        guard p < 1 else { return k >= n ? 1 : 0 }
        let ratio = log(p) - log1p(-p)
        var logTerm = Double(n) * log1p(-p)
        var sum = exp(logTerm)
        for i in 0..<k {
            logTerm += log(Double(n - i)) - log(Double(i + 1)) + ratio
            sum += exp(logTerm)
        }
        return min(1, sum)
    }
}
