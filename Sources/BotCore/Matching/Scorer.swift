import Foundation

/// The best intents for one message, with raw cosine scores in 0...1.
struct MatchScores: Sendable, Equatable {
    /// Index of the best intent, or -1 when nothing matched.
    var best: Int = -1
    var bestScore: Float = 0
    /// Index of the best intent outside the best one's group (the runner-up), or -1.
    var second: Int = -1
    var secondScore: Float = 0
    /// Share of the message's words (weighted by idf) that the pack's vocabulary knows, in 0...1.
    var coverage: Float = 0
}

/// Scores a message against every training phrase through the inverted index; an intent scores
/// its best phrase (nearest neighbour, cosine of tf-idf vectors over words and trigrams).
/// Holds reusable scratch buffers: one scorer per thread.
final class Scorer {
    let index: MatcherIndex
    private var phraseScores: [Float]
    private var intentScores: [Float]
    /// Per feature: a word feature that occurs in an in-scope phrase (coverage when nothing is left out).
    private let inScopeWord: [Bool]
    private var queryIds: [Int32] = []
    /// The best intents of the last message, best first (at most `rankedLimit`).
    private(set) var ranked: [(intent: Int32, score: Float)] = []
    static let rankedLimit = 6
    private var lastCoverage: Float = 0

    /// The out-of-scope intent: its vocabulary does not count as coverage.
    let outOfScopeIntent: Int

    init(index: MatcherIndex, outOfScopeIntent: Int = -1) {
        self.index = index
        self.outOfScopeIntent = outOfScopeIntent
        phraseScores = [Float](repeating: 0, count: index.phraseIntent.count)
        intentScores = [Float](repeating: 0, count: index.intentCount)
        inScopeWord = (0..<index.featureWeight.count).map { id in
            (Int(index.postingStart[id])..<Int(index.postingStart[id + 1])).contains { posting in
                Int(index.phraseIntent[Int(index.postingPhrase[posting])]) != outOfScopeIntent
            }
        }
        ranked.reserveCapacity(Self.rankedLimit + 1)
        queryIds.reserveCapacity(128)
    }

    /// Scores `stems`. Phrase `excludingPhrase` and intent `excludingIntent` are left out (for calibration).
    func score(_ stems: [String], excludingPhrase: Int = -1, excludingIntent: Int = -1) -> MatchScores {
        // The buffers are moved into locals for the hot loops: no exclusivity checks on class storage.
        var queryIds: [Int32] = []
        var phraseScores: [Float] = []
        var intentScores: [Float] = []
        var ranked: [(intent: Int32, score: Float)] = []
        swap(&queryIds, &self.queryIds)
        swap(&phraseScores, &self.phraseScores)
        swap(&intentScores, &self.intentScores)
        swap(&ranked, &self.ranked)
        defer {
            swap(&queryIds, &self.queryIds)
            swap(&phraseScores, &self.phraseScores)
            swap(&intentScores, &self.intentScores)
            swap(&ranked, &self.ranked)
        }
        let excluding = excludingPhrase >= 0 || excludingIntent >= 0
        queryIds.removeAll(keepingCapacity: true)
        ranked.removeAll(keepingCapacity: true)
        let index = self.index
        var unknownNorm: Float = 0
        let unknownWord = index.unknownWordWeight * index.unknownWordWeight
        let unknownTrigram = index.unknownTrigramWeight * index.unknownTrigramWeight
        var knownWeight: Float = 0
        var totalWeight: Float = 0
        for stem in stems {
            var wordId: Int32 = -1
            var trigrams = 0
            var knownTrigrams = 0
            Features.forEach(of: stem) { key, kind in
                if let id = index.featureIds.id(of: key) {
                    queryIds.append(id)
                    if kind == .word { wordId = id } else { knownTrigrams += 1 }
                } else {
                    unknownNorm += kind == .word ? unknownWord : unknownTrigram
                }
                if kind == .trigram { trigrams += 1 }
            }
            // Coverage: how much of the message (by idf) is in-scope vocabulary, or a near spelling of it.
            if wordId >= 0, excluding ? isAvailable(wordId, excludingPhrase, excludingIntent) : inScopeWord[Int(wordId)] {
                let weight = index.wordIDF[Int(wordId)]
                knownWeight += weight
                totalWeight += weight
            } else {
                totalWeight += index.unseenWordIDF
                if trigrams > 0, Float(knownTrigrams) >= 0.85 * Float(trigrams), wordId < 0 {
                    knownWeight += index.unseenWordIDF
                }
            }
        }
        queryIds.sort()
        var norm = unknownNorm
        index.postingPhrase.withUnsafeBufferPointer { postingPhrase in
            index.postingWeight.withUnsafeBufferPointer { postingWeight in
                index.postingStart.withUnsafeBufferPointer { postingStart in
                    phraseScores.withUnsafeMutableBufferPointer { scores in
                        var position = 0
                        let count = queryIds.count
                        while position < count {
                            let id = Int(queryIds[position])
                            var end = position + 1
                            while end < count && Int(queryIds[end]) == id { end += 1 }
                            let weight = (1 + log(Float(end - position))) * index.featureWeight[id]
                            norm += weight * weight
                            // Dense accumulation: every phrase has a slot, so no list of touched phrases is kept.
                            for posting in Int(postingStart[id])..<Int(postingStart[id + 1]) {
                                scores[Int(postingPhrase[posting])] += weight * postingWeight[posting]
                            }
                            position = end
                        }
                    }
                }
            }
        }
        var result = MatchScores()
        let coverage = totalWeight > 0 ? knownWeight / totalWeight : 0
        if norm > 0 {
            let inverseNorm = 1 / norm.squareRoot()
            if excluding {
                index.phraseIntent.withUnsafeBufferPointer { phraseIntent in
                    phraseScores.withUnsafeMutableBufferPointer { scores in
                        intentScores.withUnsafeMutableBufferPointer { best in
                            for p in 0..<scores.count where scores[p] > 0 {
                                let intent = Int(phraseIntent[p])
                                let cosine = scores[p] * inverseNorm
                                scores[p] = 0
                                if p == excludingPhrase || intent == excludingIntent { continue }
                                if cosine > best[intent] { best[intent] = cosine }
                            }
                        }
                    }
                }
            } else {
                // An intent's best cosine is its best phrase score times the inverse norm (scaling by a positive
                // number keeps the order, rounding included): one max per run of phrases, no branch per phrase.
                index.runStart.withUnsafeBufferPointer { runStart in
                    index.runIntent.withUnsafeBufferPointer { runIntent in
                        phraseScores.withUnsafeMutableBufferPointer { scores in
                            intentScores.withUnsafeMutableBufferPointer { best in
                                for run in 0..<runIntent.count {
                                    let top = Self.maximum(scores, from: Int(runStart[run]), to: Int(runStart[run + 1]))
                                    guard top > 0 else { continue }
                                    let intent = Int(runIntent[run])
                                    let cosine = top * inverseNorm
                                    if cosine > best[intent] { best[intent] = cosine }
                                }
                                scores.update(repeating: 0)
                            }
                        }
                    }
                }
            }
            for intent in 0..<index.intentCount where intentScores[intent] > 0 {
                let cosine = intentScores[intent]
                intentScores[intent] = 0
                var position = ranked.count
                while position > 0 && ranked[position - 1].score < cosine { position -= 1 }
                if position < Self.rankedLimit {
                    // Insert at `position`, dropping the last beyond the limit (in place: no array replacement).
                    if ranked.count < Self.rankedLimit { ranked.append((Int32(intent), cosine)) }
                    var slot = ranked.count - 1
                    while slot > position {
                        ranked[slot] = ranked[slot - 1]
                        slot -= 1
                    }
                    ranked[position] = (Int32(intent), cosine)
                }
            }
        }
        if norm <= 0 { for p in phraseScores.indices { phraseScores[p] = 0 } }
        if let top = ranked.first {
            result = Self.scores(in: ranked, choosing: Int(top.intent), groups: index.intentGroup) { _ in false }
            result.coverage = coverage
        }
        lastCoverage = coverage
        return result
    }

    /// The largest of `scores[from..<to]` and 0. Phrase scores are sums of positive weights (never negative,
    /// never NaN), and such floats order like their bit patterns: an integer max, which the compiler vectorises.
    @inline(__always)
    private static func maximum(_ scores: UnsafeMutableBufferPointer<Float>, from: Int, to: Int) -> Float {
        guard let base = scores.baseAddress else { return 0 }
        return UnsafeRawPointer(base).withMemoryRebound(to: UInt32.self, capacity: to) { bits in
            var top: UInt32 = 0
            for position in from..<to { top = max(top, bits[position]) }
            return Float(bitPattern: top)
        }
    }

    /// The scores of the last message with `intent` taken as the answer: the runner-up is the best
    /// ranked intent outside its group. Intents for which `skip` is true are neither chosen nor runner-up.
    func scores(choosing intent: Int, skipping skip: (Int) -> Bool = { _ in false }) -> MatchScores {
        var result = Self.scores(in: ranked, choosing: intent, groups: index.intentGroup, skipping: skip)
        result.coverage = lastCoverage
        return result
    }

    private static func scores(
        in ranked: [(intent: Int32, score: Float)], choosing intent: Int, groups: [Int32], skipping skip: (Int) -> Bool
    ) -> MatchScores {
        var result = MatchScores()
        guard let chosen = ranked.first(where: { Int($0.intent) == intent }) else { return result }
        result.best = intent
        result.bestScore = chosen.score
        let group = groups[intent]
        if let runnerUp = ranked.first(where: {
            let other = Int($0.intent)
            return other != intent && !skip(other) && (group < 0 || groups[other] != group)
        }) {
            result.second = Int(runnerUp.intent)
            result.secondScore = runnerUp.score
        }
        return result
    }

    /// True when word feature `id` occurs in an in-scope phrase that is not left out.
    private func isAvailable(_ id: Int32, _ excludingPhrase: Int, _ excludingIntent: Int) -> Bool {
        let from = Int(index.postingStart[Int(id)])
        let to = Int(index.postingStart[Int(id) + 1])
        for posting in from..<to {
            let phrase = Int(index.postingPhrase[posting])
            let intent = Int(index.phraseIntent[phrase])
            if phrase != excludingPhrase && intent != excludingIntent && intent != outOfScopeIntent { return true }
        }
        return false
    }
}
