/// Precision, recall and F1 of one intent.
public struct IntentMetrics: Sendable, Equatable {
    /// The intent.
    public var intent: String
    /// Turns expected to be this intent.
    public var support: Int
    /// Of the turns answered with this intent, the share that expected it.
    public var precision: Double
    /// Of the turns expecting this intent, the share answered with it.
    public var recall: Double
    /// Harmonic mean of precision and recall.
    public var f1: Double
}

/// One wrongly answered turn.
public struct EvaluationMiss: Sendable, Equatable {
    /// The message.
    public var text: String
    /// The intent expected.
    public var expected: String
    /// The intent answered.
    public var predicted: String
    /// The answer's confidence.
    public var confidence: Double
}

/// The accuracy of one evaluation file.
public struct FileAccuracy: Sendable, Equatable {
    /// The file's path.
    public var file: String
    /// Turns in the file.
    public var turns: Int
    /// Turns answered right.
    public var correct: Int
    /// Conversations (cases) in the file.
    public var cases: Int
    /// Conversations whose every turn was right.
    public var casesCorrect: Int
}

/// The outcome of running evaluation cases through the engine.
public struct EvaluationReport: Sendable {
    /// Turns evaluated.
    public var turns: Int
    /// Turns answered with the expected intent.
    public var correct: Int
    /// Cases (conversations) evaluated.
    public var cases: Int
    /// Cases whose every turn was answered right.
    public var casesCorrect: Int
    /// Cases with more than one turn.
    public var multiTurnCases: Int
    /// Multi-turn cases whose every turn was right.
    public var multiTurnCorrect: Int
    /// Turns whose expected language was pinned.
    public var languageChecked: Int
    /// Pinned turns answered in the expected language.
    public var languageCorrect: Int
    /// Turns whose yes/no verdict was pinned.
    public var polarityChecked: Int
    /// Pinned turns answered with that verdict.
    public var polarityCorrect: Int
    /// Accuracy per file, in file order.
    public var files: [FileAccuracy]
    /// Per-intent metrics, by intent name.
    public var intents: [IntentMetrics]
    /// (expected, predicted, count), most frequent first.
    public var confusions: [(expected: String, predicted: String, count: Int)]
    /// Out-of-scope detection: of the turns the bot declined (fallback or clarification), the share that were out of scope.
    public var outOfScopePrecision: Double
    /// Out-of-scope detection: of the out-of-scope turns, the share the bot declined (never answered with content).
    public var outOfScopeRecall: Double
    /// Out-of-scope turns in the set.
    public var outOfScopeTurns: Int
    /// Every miss, in case order.
    public var misses: [EvaluationMiss]
    /// Mean reported confidence over all turns.
    public var meanConfidence: Double
    /// Expected calibration error: the turn-weighted gap between confidence and accuracy over ten confidence bins.
    public var calibrationError: Double

    /// Share of turns answered right (an expected intent and, when pinned, the expected verdict).
    public var accuracy: Double { turns == 0 ? 0 : Double(correct) / Double(turns) }
    /// Share of conversations whose every turn was answered right.
    public var caseAccuracy: Double { cases == 0 ? 0 : Double(casesCorrect) / Double(cases) }
}

/// Runs evaluation cases through a ``ConversationEngine`` and scores the answers.
public enum Evaluator {
    /// Runs every case with its own fresh user; a turn is right when ``EvaluationTurn/accepts(_:)`` holds.
    public static func run(_ cases: [EvaluationCase], pack: KnowledgePack) -> EvaluationReport {
        let engine = ConversationEngine(pack: pack)
        var pairs: [(expected: String, predicted: String)] = []
        var confidences: [(confidence: Double, correct: Bool)] = []
        var misses: [EvaluationMiss] = []
        var correct = 0, casesCorrect = 0, multiTurn = 0, multiTurnCorrect = 0
        var languageChecked = 0, languageCorrect = 0, polarityChecked = 0, polarityCorrect = 0
        var outOfScopeTrue = 0, declined = 0, declinedOutOfScope = 0
        var files: [FileAccuracy] = []
        for (number, evaluationCase) in cases.enumerated() {
            let user = "eval-\(number)"
            var allRight = true
            if files.last?.file != evaluationCase.file {
                files.append(FileAccuracy(file: evaluationCase.file, turns: 0, correct: 0, cases: 0, casesCorrect: 0))
            }
            for turn in evaluationCase.turns {
                let reply = engine.reply(to: turn.text, user: user)
                let right = turn.accepts(reply)
                // The expected name is the one answered when it is among the accepted ones.
                let expected = turn.intents.contains(reply.intent) ? reply.intent : turn.intent
                pairs.append((expected, reply.intent))
                confidences.append((reply.confidence, right))
                files[files.count - 1].turns += 1
                if right {
                    correct += 1
                    files[files.count - 1].correct += 1
                } else {
                    allRight = false
                    var predicted = reply.intent + (turn.polarity != nil ? " (\(reply.polarity?.rawValue ?? "no verdict"))" : "")
                    var wanted = turn.intents.joined(separator: "|") + (turn.polarity.map { " (\($0.rawValue))" } ?? "")
                    if let language = turn.language, language != reply.language {
                        wanted += " in \(language.rawValue)"
                        predicted += " in \(reply.language.rawValue)"
                    }
                    misses.append(EvaluationMiss(text: turn.text, expected: wanted, predicted: predicted, confidence: reply.confidence))
                }
                if let language = turn.language {
                    languageChecked += 1
                    if reply.language == language { languageCorrect += 1 }
                }
                if let polarity = turn.polarity {
                    polarityChecked += 1
                    if reply.polarity == polarity { polarityCorrect += 1 }
                }
                let isOutOfScope = turn.intents == [pack.fallbackIntent]
                if isOutOfScope { outOfScopeTrue += 1 }
                // Declined: the fallback, or a clarifying question instead of an answer.
                if reply.isFallback {
                    declined += 1
                    if isOutOfScope { declinedOutOfScope += 1 }
                }
            }
            files[files.count - 1].cases += 1
            if allRight {
                casesCorrect += 1
                files[files.count - 1].casesCorrect += 1
            }
            if evaluationCase.turns.count > 1 {
                multiTurn += 1
                if allRight { multiTurnCorrect += 1 }
            }
        }
        return EvaluationReport(
            turns: pairs.count,
            correct: correct,
            cases: cases.count,
            casesCorrect: casesCorrect,
            multiTurnCases: multiTurn,
            multiTurnCorrect: multiTurnCorrect,
            languageChecked: languageChecked,
            languageCorrect: languageCorrect,
            polarityChecked: polarityChecked,
            polarityCorrect: polarityCorrect,
            files: files,
            intents: metrics(pairs),
            confusions: confusions(pairs),
            outOfScopePrecision: declined == 0 ? 1 : Double(declinedOutOfScope) / Double(declined),
            outOfScopeRecall: outOfScopeTrue == 0 ? 1 : Double(declinedOutOfScope) / Double(outOfScopeTrue),
            outOfScopeTurns: outOfScopeTrue,
            misses: misses,
            meanConfidence: confidences.isEmpty ? 0 : confidences.reduce(0) { $0 + $1.confidence } / Double(confidences.count),
            calibrationError: calibrationError(confidences))
    }

    private static func calibrationError(_ samples: [(confidence: Double, correct: Bool)]) -> Double {
        guard !samples.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 10)
        var confidenceSums = [Double](repeating: 0, count: 10)
        var correctSums = [Double](repeating: 0, count: 10)
        for sample in samples {
            let bin = min(9, max(0, Int(sample.confidence * 10)))
            counts[bin] += 1
            confidenceSums[bin] += sample.confidence
            correctSums[bin] += sample.correct ? 1 : 0
        }
        var error = 0.0
        for bin in 0..<10 where counts[bin] > 0 {
            error += abs(confidenceSums[bin] - correctSums[bin]) / Double(samples.count)
        }
        return error
    }

    private static func metrics(_ pairs: [(expected: String, predicted: String)]) -> [IntentMetrics] {
        let names = Set(pairs.map(\.expected)).union(pairs.map(\.predicted)).sorted()
        return names.map { name in
            let truePositive = pairs.filter { $0.expected == name && $0.predicted == name }.count
            let predicted = pairs.filter { $0.predicted == name }.count
            let support = pairs.filter { $0.expected == name }.count
            let precision = predicted == 0 ? 0 : Double(truePositive) / Double(predicted)
            let recall = support == 0 ? 0 : Double(truePositive) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return IntentMetrics(intent: name, support: support, precision: precision, recall: recall, f1: f1)
        }
    }

    private static func confusions(_ pairs: [(expected: String, predicted: String)]) -> [(expected: String, predicted: String, count: Int)] {
        var counts: [String: (String, String, Int)] = [:]
        for pair in pairs where pair.expected != pair.predicted {
            let key = pair.expected + "\u{0}" + pair.predicted
            counts[key, default: (pair.expected, pair.predicted, 0)].2 += 1
        }
        return counts.values
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
            .map { (expected: $0.0, predicted: $0.1, count: $0.2) }
    }
}
