import Foundation

/// The precomputed matching tables of a pack: integer feature ids, inverse document frequencies,
/// and an inverted index from feature to the training phrases holding it (weights normalised per phrase).
final class MatcherIndex: Sendable {
    /// Feature key to dense feature id.
    let featureIds: FeatureTable
    /// Weight of each feature id (idf times the weight of its kind).
    let featureWeight: [Float]
    /// The weight a feature never seen in training counts with, per kind.
    let unknownWordWeight: Float
    let unknownTrigramWeight: Float
    /// Plain idf of each feature (for coverage), and the idf of a word never seen.
    let wordIDF: [Float]
    let unseenWordIDF: Float
    /// Postings of feature `f` are `postingPhrase[postingStart[f] ..< postingStart[f + 1]]`.
    let postingStart: [Int32]
    let postingPhrase: [Int32]
    let postingWeight: [Float]
    /// The intent index of each training phrase.
    let phraseIntent: [Int32]
    /// Runs of consecutive phrases of one intent: the phrases `runStart[r] ..< runStart[r + 1]` belong to
    /// intent `runIntent[r]` (an intent's phrases are usually one run, so its best phrase is one max over them).
    let runStart: [Int32]
    let runIntent: [Int32]
    let intentCount: Int
    /// The group number of each intent (-1 for none): the runner-up is taken outside the best intent's group.
    let intentGroup: [Int32]

    /// Builds the index from stemmed training phrases and their intent indices.
    init(phrases: [[String]], intents: [Int32], intentGroup: [Int32], settings: MatcherSettings) {
        var ids: [UInt64: Int32] = [:]
        var kinds: [Features.Kind] = []
        var documentFrequency: [Int32] = []
        var phraseTerms: [[(Int32, Float)]] = []
        for stems in phrases {
            var counts: [Int32: Float] = [:]
            for stem in stems {
                Features.forEach(of: stem) { key, kind in
                    let id: Int32
                    if let known = ids[key] {
                        id = known
                    } else {
                        id = Int32(kinds.count)
                        ids[key] = id
                        kinds.append(kind)
                        documentFrequency.append(0)
                    }
                    counts[id, default: 0] += 1
                }
            }
            for id in counts.keys { documentFrequency[Int(id)] += 1 }
            phraseTerms.append(counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        let documents = Float(max(phrases.count, 1))
        func kindWeight(_ kind: Features.Kind) -> Float {
            Float(kind == .word ? settings.wordWeight : settings.charWeight)
        }
        var weights = [Float](repeating: 0, count: kinds.count)
        var idfs = [Float](repeating: 0, count: kinds.count)
        for id in 0..<kinds.count {
            let idf = log((documents + 1) / (Float(documentFrequency[id]) + 1)) + 1
            idfs[id] = idf
            weights[id] = idf * kindWeight(kinds[id])
        }
        wordIDF = idfs
        unseenWordIDF = log(documents + 1) + 1
        let unknownIDF = (log(documents + 1) + 1) * Float(settings.unknownWeight)
        unknownWordWeight = unknownIDF * kindWeight(.word)
        unknownTrigramWeight = unknownIDF * kindWeight(.trigram)

        var buckets = [[(Int32, Float)]](repeating: [], count: kinds.count)
        for (phrase, terms) in phraseTerms.enumerated() {
            var norm: Float = 0
            var weighted: [(Int32, Float)] = []
            for (id, tf) in terms {
                let w = (1 + log(tf)) * weights[Int(id)]
                weighted.append((id, w))
                norm += w * w
            }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for (id, w) in weighted { buckets[Int(id)].append((Int32(phrase), w * scale)) }
        }
        var start: [Int32] = [0]
        var phraseList: [Int32] = []
        var weightList: [Float] = []
        for bucket in buckets {
            for (phrase, w) in bucket {
                phraseList.append(phrase)
                weightList.append(w)
            }
            start.append(Int32(phraseList.count))
        }
        featureIds = FeatureTable(ids)
        featureWeight = weights
        postingStart = start
        postingPhrase = phraseList
        postingWeight = weightList
        phraseIntent = intents
        var runStart: [Int32] = []
        var runIntent: [Int32] = []
        for (phrase, intent) in intents.enumerated() where phrase == 0 || intents[phrase - 1] != intent {
            runStart.append(Int32(phrase))
            runIntent.append(intent)
        }
        runStart.append(Int32(intents.count))
        self.runStart = runStart
        self.runIntent = runIntent
        intentCount = intentGroup.count
        self.intentGroup = intentGroup
    }

    /// Bytes held by the tables (an estimate of the loaded pack's matcher memory).
    var approximateBytes: Int {
        featureIds.bytes
            + featureWeight.capacity * 4 + postingStart.capacity * 4 + postingPhrase.capacity * 4
            + postingWeight.capacity * 4 + phraseIntent.capacity * 4
    }
}
