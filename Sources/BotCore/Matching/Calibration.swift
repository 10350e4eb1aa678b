import Foundation

/// Maps raw scores to a probability that the best intent is right: a logistic model over the best
/// cosine and its gap to the runner-up (Platt scaling), fitted when the pack loads.
public struct Calibration: Sendable, Equatable {
    /// Weight of the best score.
    public var scoreWeight: Double
    /// Weight of the gap to the runner-up.
    public var gapWeight: Double
    /// Intercept.
    public var bias: Double

    /// The calibrated confidence in 0...1.
    func confidence(_ scores: MatchScores) -> Double {
        guard scores.best >= 0 else { return 0 }
        let gap = Double(scores.bestScore - scores.secondScore)
        let z = scoreWeight * Double(scores.bestScore) + gapWeight * gap + bias
        return 1 / (1 + exp(-z))
    }

    /// One labelled example: raw scores and whether the best intent was the right one.
    struct Sample {
        var scores: MatchScores
        var correct: Bool
    }

    /// Fits the model by gradient descent on the log loss, classes weighted to balance.
    static func fit(_ samples: [Sample]) -> Calibration {
        var model = Calibration(scoreWeight: 8, gapWeight: 4, bias: -4)
        let positives = Double(samples.filter(\.correct).count)
        let negatives = Double(samples.count) - positives
        guard positives > 0, negatives > 0 else { return model }
        let positiveWeight = Double(samples.count) / (2 * positives)
        let negativeWeight = Double(samples.count) / (2 * negatives)
        let rate = 0.5
        for _ in 0..<2000 {
            var gradient = (0.0, 0.0, 0.0)
            for sample in samples {
                let s = Double(sample.scores.bestScore)
                let g = s - Double(sample.scores.secondScore)
                let p = model.confidence(sample.scores)
                let y = sample.correct ? 1.0 : 0.0
                let w = sample.correct ? positiveWeight : negativeWeight
                let error = (p - y) * w
                gradient.0 += error * s
                gradient.1 += error * g
                gradient.2 += error
            }
            let n = Double(samples.count)
            model.scoreWeight -= rate * gradient.0 / n * 10
            model.gapWeight -= rate * gradient.1 / n * 10
            model.bias -= rate * gradient.2 / n
        }
        return model
    }
}
