import Foundation

/// One problem found in a knowledge pack.
public struct PackIssue: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, CaseIterable {
        case unknownIntent = "unknown-intent"
        case unknownFact = "unknown-fact"
        case duplicatePhrase = "duplicate-phrase"
        case duplicateCue = "duplicate-cue"
        case conflictingCue = "conflicting-cue"
        case misroutedPhrase = "misrouted-phrase"
        case unusedFact = "unused-fact"
        case missingLanguage = "missing-language"
        case evaluationInTraining = "evaluation-in-training"
        case navigationText = "navigation-text"
        case unknownFollowUp = "unknown-follow-up"
    }
    /// The kind.
    public var kind: Kind
    /// A one-line explanation naming the intent, phrase or fact.
    public var message: String

    /// `kind: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

/// Validates a pack and its evaluation set (`kolbot intents check`).
public enum PackChecker {
    /// Every problem found; empty when the pack is sound.
    public static func check(_ pack: KnowledgePack, evaluation: [EvaluationCase] = []) -> [PackIssue] {
        var issues: [PackIssue] = []
        let knownFacts = Set(pack.facts.map(\.id))
        var usedFacts: Set<String> = []
        for intent in pack.intents {
            for name in intent.suggestions where pack.intent(named: name) == nil {
                issues.append(.init(kind: .unknownIntent, message: "\(intent.name) suggests unknown intent \(name)"))
            }
            if let kind = intent.followUp, !ConversationEngine.followUpKinds.contains(kind) {
                issues.append(.init(kind: .unknownFollowUp, message: "\(intent.name) has unknown follow-up kind \(kind)"))
            }
            for (kind, name) in intent.then.sorted(by: { $0.key < $1.key }) where pack.intent(named: name) == nil {
                issues.append(.init(kind: .unknownIntent, message: "\(intent.name) follow-up \(kind) goes to unknown intent \(name)"))
            }
            for fact in intent.facts {
                if knownFacts.contains(fact) { usedFacts.insert(fact) } else {
                    issues.append(.init(kind: .unknownFact, message: "\(intent.name) cites unknown fact \(fact)"))
                }
            }
            for language in Language.allCases {
                if intent.answers[language]?.isEmpty ?? true, intent.followUp == nil {
                    issues.append(.init(kind: .missingLanguage, message: "\(intent.name) has no answer in \(language.rawValue)"))
                }
                if intent.question[language]?.isEmpty ?? true {
                    issues.append(.init(kind: .missingLanguage, message: "\(intent.name) has no question in \(language.rawValue)"))
                }
                if intent.phrases[language]?.isEmpty ?? true {
                    issues.append(.init(kind: .missingLanguage, message: "\(intent.name) has no training phrases in \(language.rawValue)"))
                }
                if let answer = intent.answers[language], NavigationText.contains(in: answer) {
                    issues.append(.init(kind: .navigationText, message: "\(intent.name) answer in \(language.rawValue) contains site navigation"))
                }
            }
        }
        for (kind, targets) in pack.followUpDefaults.sorted(by: { $0.key < $1.key }) {
            for (key, name) in targets.sorted(by: { $0.key < $1.key }) where pack.intent(named: name) == nil {
                issues.append(.init(kind: .unknownIntent, message: "follow-up default \(kind).\(key) goes to unknown intent \(name)"))
            }
        }
        for fact in pack.facts where !usedFacts.contains(fact.id) {
            issues.append(.init(kind: .unusedFact, message: "no answer uses fact \(fact.id)"))
        }
        for text in pack.reader.repeatedCues {
            issues.append(.init(kind: .duplicateCue, message: "\"\(text)\" is listed twice for the same cue in understanding.yaml"))
        }
        for text in pack.reader.conflictingCues {
            issues.append(.init(kind: .conflictingCue, message: "\"\(text)\" is listed both as out of scope and as an aspect or move cue in understanding.yaml"))
        }
        issues += phraseIssues(pack)
        issues += evaluationIssues(pack, evaluation)
        return issues
    }

    private static func key(_ stems: [String]) -> String { stems.joined(separator: " ") }

    private static func phraseIssues(_ pack: KnowledgePack) -> [PackIssue] {
        var issues: [PackIssue] = []
        var seen: [String: Int] = [:]
        let engine = ConversationEngine(pack: pack)
        for phrase in pack.trainingPhrases {
            let name = pack.intents[phrase.intent].name
            let normalized = key(phrase.stems)
            if let other = seen[normalized] {
                issues.append(.init(kind: .duplicatePhrase,
                                    message: "\"\(phrase.text)\" (\(name)) repeats a phrase of \(pack.intents[other].name)"))
            } else {
                seen[normalized] = phrase.intent
            }
            if pack.intents[phrase.intent].followUp != nil { continue }
            let decision = engine.firstDecision(for: phrase.text)
            let answered: String
            switch decision {
            case .answer(let intent, _): answered = pack.intents[intent].name
            case .fallback: answered = pack.fallbackIntent
            case .clarify: answered = "clarify"
            }
            if answered != name {
                issues.append(.init(kind: .misroutedPhrase, message: "\"\(phrase.text)\" of \(name) is answered as \(answered)"))
            }
        }
        return issues
    }

    private static func evaluationIssues(_ pack: KnowledgePack, _ cases: [EvaluationCase]) -> [PackIssue] {
        var issues: [PackIssue] = []
        let overlap = TrainingOverlap(pack: pack)
        for evaluationCase in cases {
            let file = (evaluationCase.file as NSString).lastPathComponent
            for (number, turn) in evaluationCase.turns.enumerated() {
                for intent in turn.intents where pack.intent(named: intent) == nil && intent != "clarify" {
                    issues.append(.init(kind: .unknownIntent, message: "evaluation expects unknown intent \(intent) (\(file))"))
                }
                guard let finding = overlap.finding(for: turn) else { continue }
                let position = evaluationCase.turns.count > 1 ? " (turn \(number + 1) of a conversation)" : ""
                let relation = finding.exact ? "equals" : "nearly equals"
                issues.append(.init(
                    kind: .evaluationInTraining,
                    message: "evaluation turn \"\(turn.text)\"\(position) in \(file) \(relation) training phrase \"\(finding.phrase)\" of \(finding.intent)"))
            }
        }
        return issues
    }
}
