import Foundation

/// The two best intents for one message, with raw cosine scores in 0...1.
struct MatchScores: Sendable, Equatable {
    /// Index of the best intent, or -1 when nothing matched.
    var best: Int = -1
    var bestScore: Float = 0
    /// Index of the runner-up intent, or -1.
    var second: Int = -1
    var secondScore: Float = 0
}

/// Scores a message against every training phrase through the inverted index; an intent scores
/// its best phrase (nearest neighbour, cosine of tf-idf vectors over words and trigrams).
/// Holds reusable scratch buffers: one scorer per thread.
final class Scorer {
    let index: MatcherIndex
    private var phraseScores: [Float]
    private var touched: [Int32] = []
    private var intentScores: [Float]
    private var queryIds: [Int32] = []

    init(index: MatcherIndex) {
        self.index = index
        phraseScores = [Float](repeating: 0, count: index.phraseIntent.count)
        intentScores = [Float](repeating: 0, count: index.intentCount)
        touched.reserveCapacity(index.phraseIntent.count)
        queryIds.reserveCapacity(128)
    }

    /// Scores `stems`. Phrase `excludingPhrase` and intent `excludingIntent` are left out (for calibration).
    func score(_ stems: [String], excludingPhrase: Int = -1, excludingIntent: Int = -1) -> MatchScores {
        queryIds.removeAll(keepingCapacity: true)
        var unknownNorm: Float = 0
        let ids = index.featureIds
        let unknownWord = index.unknownWordWeight * index.unknownWordWeight
        let unknownTrigram = index.unknownTrigramWeight * index.unknownTrigramWeight
        for stem in stems {
            Features.forEach(of: stem) { key, kind in
                if let id = ids[key] {
                    queryIds.append(id)
                } else {
                    unknownNorm += kind == .word ? unknownWord : unknownTrigram
                }
            }
        }
        queryIds.sort()
        var norm = unknownNorm
        var position = 0
        let count = queryIds.count
        while position < count {
            let id = queryIds[position]
            var end = position + 1
            while end < count && queryIds[end] == id { end += 1 }
            let weight = (1 + log(Float(end - position))) * index.featureWeight[Int(id)]
            norm += weight * weight
            let from = Int(index.postingStart[Int(id)])
            let to = Int(index.postingStart[Int(id) + 1])
            for posting in from..<to {
                let phrase = Int(index.postingPhrase[posting])
                if phraseScores[phrase] == 0 { touched.append(Int32(phrase)) }
                phraseScores[phrase] += weight * index.postingWeight[posting]
            }
            position = end
        }
        var result = MatchScores()
        guard norm > 0 else {
            clear()
            return result
        }
        let inverseNorm = 1 / norm.squareRoot()
        for phrase in touched {
            let p = Int(phrase)
            let intent = Int(index.phraseIntent[p])
            if p == excludingPhrase || intent == excludingIntent { continue }
            let cosine = phraseScores[p] * inverseNorm
            if cosine > intentScores[intent] { intentScores[intent] = cosine }
        }
        for phrase in touched {
            let intent = Int(index.phraseIntent[Int(phrase)])
            let cosine = intentScores[intent]
            guard cosine > 0 else { continue }
            intentScores[intent] = 0
            if cosine > result.bestScore {
                result.second = result.best
                result.secondScore = result.bestScore
                result.best = intent
                result.bestScore = cosine
            } else if cosine > result.secondScore {
                result.second = intent
                result.secondScore = cosine
            }
        }
        clear()
        return result
    }

    private func clear() {
        for phrase in touched { phraseScores[Int(phrase)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
