/// Chooses the answer from the compositional reading of a message (entity, aspect, form, move) and the
/// n-gram matcher: the reading decides what content is asked for and whether the message is about the
/// article at all; the matcher is a second opinion on small talk and follow-ups, and settles questions
/// that name a side but no aspect.
extension ConversationEngine {
    /// What to answer, with the verdict of a yes/no question and the unknown thing a refusal may name.
    struct Understood {
        var decision: Decision
        var polarity: Polarity?
        /// Token range of X in "apa itu X" when the answer is a refusal.
        var unknownThing: Range<Int>?
    }

    /// The confidence reported for an answer chosen by the reading (the matcher's when it agrees and is higher).
    static let readingConfidence = 0.8

    /// `languageRequest`: the message asks only to switch language ("in English please"); `yesNoCarried`: a
    /// follow-up of a yes/no answer, itself asking yes or no ("kalau Snapchat?").
    func understand(
        _ analysis: Analysis, _ reading: Reading, memory: UserMemory, languageRequest: Language? = nil, yesNoCarried: Bool = false
    ) -> Understood {
        let contextTopic = memory.topic > 0 ? pack.topicNames[Int(memory.topic) - 1] : nil
        let last = memory.lastIntent >= 0 ? Int(memory.lastIntent) : nil
        // The matcher sees the reading's entity ("KOL jadi influencer" is about KOLs) and aspect.
        var analysis = analysis
        analysis.entities.topic = reading.entity
        analysis.entities.aspect = reading.aspect >= 0 ? pack.aspectNames[reading.aspect] : nil
        let matched = decide(analysis, contextTopic: contextTopic)
        let matchedLooksOutOfScope = matcherTopIntent == pack.intentIndex[pack.fallbackIntent]
        var matchedIntent: Int?
        var matchedConfidence = 0.0
        if case .answer(let intent, let confidence) = matched {
            matchedIntent = intent
            matchedConfidence = confidence
        }
        let matchedIsMeta = matchedIntent.map { isMeta(pack.intents[$0]) } ?? false
        let yesNo = reading.forms.contains(.yesNo) || yesNoCarried

        func refuse() -> Understood {
            let thing = reading.hasDefinitionFrame && reading.entity == nil ? pack.reader.definedThing(in: analysis.tokens) : nil
            return Understood(decision: .fallback(confidence: max(matchedConfidence, 1 - matchedConfidence)), unknownThing: thing)
        }
        func answer(_ intent: Int) -> Understood {
            let confidence = intent == matchedIntent ? max(matchedConfidence, Self.readingConfidence) : Self.readingConfidence
            var polarity: Polarity?
            if yesNo, pack.claims.claims[intent] != nil {
                polarity = pack.claims.polarity(of: intent, stems: analysis.stems, reading: reading)
            }
            return Understood(decision: .answer(intent: intent, confidence: confidence), polarity: polarity)
        }
        func difference(_ ordinal: Int) -> Int? {
            pack.intents.firstIndex { $0.group == "difference" && $0.slots.ordinal == ordinal }
        }

        // Out of scope: an aspect nobody asks the article about outweighs the article's own.
        if reading.foreignWeight > 0, reading.foreignWeight >= reading.aspectWeight {
            return refuse()
        }
        let followUp = matchedIntent.flatMap { pack.intents[$0].followUp }
        if memory.pendingFirst >= 0, followUp != nil || reading.ordinal != nil {
            return Understood(decision: matched) // "yang influencer" answers a clarification
        }
        // A short message inside a conversation about the article ("kalau dari sisi kepercayaan?").
        let continues = last.map { !isMeta(pack.intents[$0]) } ?? false
            && reading.extraWords == 0 && reading.entity == nil
        // Domain evidence: a side (or "they"), a strong aspect, a difference, a weak aspect continuing the
        // conversation, or a named platform asked yes or no.
        let evidence = reading.entity != nil || reading.pronoun || reading.aspectIsStrong || reading.forms.contains(.compareNoun)
            || (reading.aspect >= 0 && continues) || (reading.namedPlatform && yesNo)
        if !evidence {
            if let languageRequest,
               let index = pack.intents.firstIndex(where: { $0.followUp == (languageRequest == .english ? "english" : "indonesian") }) {
                return Understood(decision: .answer(intent: index, confidence: Self.readingConfidence))
            }
            return converse(reading, tokens: analysis.tokens, matched: matched, matchedIntent: matchedIntent, matchedIsMeta: matchedIsMeta,
                            continues: continues, contextTopic: contextTopic, refuse: refuse)
        }
        // "contohnya?": the example of whatever the conversation is about.
        if followUp == "example", reading.entity == nil, !reading.forms.contains(.compareNoun),
           reading.aspect < 0 || pack.aspectNames[reading.aspect] == "examples" {
            return Understood(decision: matched)
        }

        var entity = reading.entity
        if entity == nil, reading.pronoun { entity = contextTopic }
        if entity == nil, reading.aspect >= 0, continues { entity = contextTopic }
        if reading.forms.contains(.compare) { entity = "both" }

        if reading.aspect >= 0,
           let routed = pack.routes.intent(entity: entity, aspect: reading.aspect, forms: reading.forms) {
            return answer(routed)
        }

        // No aspect (or one the side has no answer for). A follow-up naming only another side carries the
        // aspect of the last answer ("terus influencer gimana?").
        let bare = reading.extraWords == 0 && reading.forms.isDisjoint(with: [.definition, .why, .yesNo, .list, .compare])
        if bare, let entity, let last {
            let previous = pack.intents[last]
            if let target = previous.then[entity], let index = pack.intentIndex[target] { return answer(index) }
            if let aspect = previous.slots.aspect.flatMap(pack.reader.aspectIndex),
               let routed = pack.routes.intent(entity: entity, aspect: aspect, forms: reading.forms), routed != last {
                return answer(routed)
            }
        }
        // "perbedaan kedua", "the 4th difference".
        if let ordinal = reading.ordinal, entity == "both" || entity == nil, let index = difference(ordinal) {
            return answer(index)
        }
        // A confident matcher answer about the same side stands ("kol itu harus ahli ya"), except for why-,
        // what-is and comparison questions, which the routes answer, and except an aspect the reading would
        // have seen (media, credibility, reach, ...).
        let routeFirst = !reading.forms.isDisjoint(with: [.why, .definition, .compare])
        if !routeFirst, let intent = matchedIntent, !matchedIsMeta, matchedConfidence >= pack.settings.threshold,
           pack.intents[intent].slots.aspect.map(pack.reader.matcherAspects.contains) ?? true,
           entity.map({ isCompatible(intent, Entities(topic: $0)) }) ?? true {
            return answer(intent)
        }
        // A side beside words like the out-of-scope examples ("gimana caranya jadi influencer") stays refused.
        if !routeFirst, matchedLooksOutOfScope, reading.extraWords > 0 { return refuse() }
        if let routed = pack.routes.intent(entity: entity, aspect: -1, forms: reading.forms) { return answer(routed) }
        return Understood(decision: matched)
    }

    /// A message without content of the article: small talk, a follow-up, or a refusal.
    private func converse(
        _ reading: Reading, tokens: [String], matched: Decision, matchedIntent: Int?, matchedIsMeta: Bool, continues: Bool,
        contextTopic: String?, refuse: () -> Understood
    ) -> Understood {
        // "the first of those", "nomor 3": an ordinal follow-up (a short message: "who won the last world cup" is not).
        if reading.ordinal != nil, reading.extraWords == 0,
           reading.move < 0 || pack.intents[pack.moveIntents[reading.move]].followUp == nil,
           let ordinal = pack.intents.firstIndex(where: { $0.followUp == "ordinal" }) {
            return Understood(decision: .answer(intent: ordinal, confidence: Self.readingConfidence))
        }
        if reading.move >= 0 {
            // The matcher's choice among tied moves, else the first.
            if let intent = matchedIntent, let position = pack.moveIntents.firstIndex(of: intent),
               reading.moveTies & (1 << UInt16(position)) != 0 {
                return Understood(decision: matched)
            }
            return Understood(decision: .answer(intent: pack.moveIntents[reading.move], confidence: Self.readingConfidence))
        }
        // "do you know what Spotify is": a thing the article does not define.
        if reading.hasDefinitionFrame, pack.reader.definedThing(in: tokens) != nil { return refuse() }
        // The matcher's small talk and follow-ups, unless words the pack never saw come with them.
        let isFollowUp = matchedIntent.map { pack.intents[$0].followUp != nil } ?? false
        if matchedIsMeta, !isFollowUp || reading.unknownWords == 0 || reading.extraWords < 2 {
            return Understood(decision: matched)
        }
        // "terus artinya apa?": a definition of the conversation's own topic.
        if continues, reading.forms.contains(.definition), let contextTopic,
           let routed = pack.routes.intent(entity: contextTopic, aspect: -1, forms: reading.forms) {
            return Understood(decision: .answer(intent: routed, confidence: Self.readingConfidence))
        }
        // A content answer of the matcher about the conversation's own topic.
        if continues, let intent = matchedIntent, let topic = contextTopic, isCompatible(intent, Entities(topic: topic)) {
            return Understood(decision: matched)
        }
        return refuse()
    }

    /// What a fresh user would be answered for `text`, before follow-ups are resolved (for the pack check).
    func firstDecision(for text: String) -> Decision {
        let analysis = pack.analyzer.analyze(text)
        let reading = pack.reader.read(analysis, questionMark: Self.endsWithQuestionMark(text))
        let decision = understand(analysis, reading, memory: UserMemory()).decision
        if case .answer(let intent, let confidence) = decision, let kind = pack.intents[intent].followUp {
            var language = Language.indonesian
            return resolveFollowUp(kind, intent: intent, confidence: confidence, entities: analysis.entities,
                                   memory: UserMemory(), language: &language, languageForced: false)
        }
        return decision
    }

    /// Small talk, questions about the bot or its source, and follow-ups: intents that are not content of the article.
    func isMeta(_ intent: Intent) -> Bool {
        intent.followUp != nil || intent.slots.topic == "none"
    }
}
