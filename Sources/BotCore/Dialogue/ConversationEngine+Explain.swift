/// A readable account of how the engine understands one message (for `kolbot ask --explain` and debugging).
extension ConversationEngine {
    /// How `text` is read in the conversation of `user` (nil: a fresh user): words, stems, entity, aspect,
    /// question forms, out-of-scope signs, the matcher's choice and the answer chosen. Changes no state.
    public func explanation(of text: String, user: String? = nil) -> String {
        let memory = user.flatMap(storeMemory(of:)) ?? UserMemory()
        func describe(_ decision: Decision) -> String {
            switch decision {
            case .answer(let intent, let confidence): return "\(pack.intents[intent].name) (\(String(format: "%.2f", confidence)))"
            case .fallback(let confidence): return "fallback (\(String(format: "%.2f", confidence)))"
            case .clarify(let first, let second, _): return "clarify \(pack.intents[first].name) / \(pack.intents[second].name)"
            }
        }
        let text = TextCleaner.withoutLinks(text)
        var analysis = pack.analyzer.analyze(text)
        let claim = memory.claimKept ? user.map(claims.stems(of:)) ?? [] : []
        let interpretation = interpret(text, memory: memory, analysis: &analysis, claim: claim)
        let (reading, understood) = (interpretation.reading, interpretation.understood)
        let matched = decide(analysis)
        var resolved = ""
        if case .answer(let intent, let confidence) = understood.decision, let kind = pack.followUpKinds[intent] {
            var language = interpretation.switched ?? analysis.language ?? memory.languageValue ?? options.defaultLanguage
            let decision = resolveFollowUp(kind, intent: intent, confidence: confidence, entities: analysis.entities,
                                           memory: memory, language: &language, languageForced: false)
            resolved = " -> \(describe(decision))"
        }
        let forms: [(QuestionForms, String)] = [
            (.yesNo, "yesno"), (.why, "why"), (.how, "how"), (.definition, "definition"), (.list, "list"),
            (.compare, "compare"), (.where, "where"), (.definitionNoun, "definition-noun"), (.followUp, "followup"), (.questionWord, "question-word"),
        ]
        return [
            "tokens:   \(analysis.tokens.joined(separator: " "))",
            "stems:    \(analysis.stems.joined(separator: " "))",
            "entity:   \(reading.entity ?? "-")\(reading.pronoun || reading.singularPronoun ? " (pronoun)" : "")",
            "aspect:   \(reading.aspect >= 0 ? pack.aspectNames[reading.aspect] : "-") weight \(reading.aspectWeight)\(reading.aspectIsStrong ? " strong" : "")",
            "cues:     \(pack.reader.describeCues(in: analysis.stems).joined(separator: "; "))",
            "side:     \(reading.sideNamed ? "named" : "-")",
            "forms:    \(forms.filter { reading.forms.contains($0.0) }.map(\.1).joined(separator: " "))",
            "foreign:  \(reading.foreignWeight)  extra words: \(reading.extraWords)  unknown: \(reading.unknownWords)  ordinal: \(reading.ordinal.map(String.init) ?? "-")",
            "matcher:  \(describe(matched))",
            "answer:   \(describe(understood.decision))\(resolved)\(interpretation.switched.map { " in \($0.rawValue)" } ?? "")\(understood.polarity.map { " polarity \($0.rawValue)" } ?? "")",
        ].joined(separator: "\n")
    }
}
