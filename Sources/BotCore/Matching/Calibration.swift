import Foundation

/// Maps raw scores to a probability that the best intent is right: a logistic model over the best
/// cosine, its gap to the runner-up and the message's vocabulary coverage (Platt scaling), fitted when the pack loads.
public struct Calibration: Sendable, Equatable {
    /// Weight of the best score.
    public var scoreWeight: Double
    /// Weight of the gap to the runner-up.
    public var gapWeight: Double
    /// Weight of the vocabulary coverage of the message.
    public var coverageWeight: Double
    /// Intercept.
    public var bias: Double

    /// The calibrated confidence in 0...1.
    func confidence(_ scores: MatchScores) -> Double {
        guard scores.best >= 0 else { return 0 }
        let gap = Double(scores.bestScore - scores.secondScore)
        let z = scoreWeight * Double(scores.bestScore) + gapWeight * gap + coverageWeight * Double(scores.coverage) + bias
        return 1 / (1 + exp(-z))
    }

    /// One labelled example: raw scores and whether the best intent was the right one.
    struct Sample {
        var scores: MatchScores
        var correct: Bool
        var weight: Double = 1
    }

    /// Fits the model by gradient descent on the weighted log loss, classes weighted to balance.
    static func fit(_ samples: [Sample]) -> Calibration {
        var model = Calibration(scoreWeight: 4, gapWeight: 2, coverageWeight: 2, bias: -4)
        let positives = samples.filter(\.correct).reduce(0) { $0 + $1.weight }
        let negatives = samples.filter { !$0.correct }.reduce(0) { $0 + $1.weight }
        guard positives > 0, negatives > 0 else { return model }
        let total = positives + negatives
        let positiveWeight = total / (2 * positives)
        let negativeWeight = total / (2 * negatives)
        let rate = 0.5
        for _ in 0..<2000 {
            var gradient = (0.0, 0.0, 0.0, 0.0)
            for sample in samples {
                let s = Double(sample.scores.bestScore)
                let g = s - Double(sample.scores.secondScore)
                let p = model.confidence(sample.scores)
                let y = sample.correct ? 1.0 : 0.0
                let w = (sample.correct ? positiveWeight : negativeWeight) * sample.weight
                let error = (p - y) * w
                gradient.0 += error * s
                gradient.1 += error * g
                gradient.2 += error
                gradient.3 += error * Double(sample.scores.coverage)
            }
            let n = Double(samples.count)
            model.scoreWeight -= rate * gradient.0 / n * 10
            model.gapWeight -= rate * gradient.1 / n * 10
            model.bias -= rate * gradient.2 / n
            model.coverageWeight -= rate * gradient.3 / n * 10
        }
        return model
    }
}
