/// Chooses the answer from the compositional reading of a message (entity, aspect, form) and the
/// n-gram matcher: the reading decides what content is asked for and whether the message is about the
/// article at all; the matcher recognises small talk, the source, capabilities and follow-ups, and
/// settles questions that name a side but no aspect.
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

    func understand(_ analysis: Analysis, _ reading: Reading, memory: UserMemory) -> Understood {
        let contextTopic = memory.topic > 0 ? pack.topicNames[Int(memory.topic) - 1] : nil
        let last = memory.lastIntent >= 0 ? Int(memory.lastIntent) : nil
        // The matcher sees the reading's entity ("KOL jadi influencer" is about KOLs) and aspect.
        var analysis = analysis
        analysis.entities.topic = reading.entity
        analysis.entities.aspect = reading.aspect >= 0 ? pack.aspectNames[reading.aspect] : nil
        let matched = decide(analysis, contextTopic: contextTopic)
        var matchedIntent: Int?
        var matchedConfidence = 0.0
        if case .answer(let intent, let confidence) = matched {
            matchedIntent = intent
            matchedConfidence = confidence
        }
        let matchedIsMeta = matchedIntent.map { isMeta(pack.intents[$0]) } ?? false
        func refuse() -> Understood {
            let thing = reading.hasDefinitionFrame && reading.entity == nil ? pack.reader.definedThing(in: analysis.tokens) : nil
            return Understood(decision: .fallback(confidence: 1 - matchedConfidence), unknownThing: thing)
        }

        // Out of scope: an aspect nobody asks the article about outweighs the article's own.
        if reading.foreignWeight > 0, reading.foreignWeight >= reading.aspectWeight, reading.ordinal == nil {
            return refuse()
        }
        // A short message inside a conversation about the article ("kalau dari sisi kepercayaan?").
        let continues = last.map { !isMeta(pack.intents[$0]) } ?? false
            && reading.extraWords == 0 && reading.entity == nil
        // Domain evidence: a side (or "they"), a strong aspect, a difference, a weak aspect continuing the
        // conversation, a named platform asked yes or no, or an ordinal the matcher takes for a difference.
        let ordinalOfDifference = reading.ordinal != nil && matchedIntent.map { pack.intents[$0].group == "difference" } ?? false
        let evidence = reading.entity != nil || reading.pronoun || reading.aspectIsStrong || reading.forms.contains(.compareNoun)
            || (reading.aspect >= 0 && continues) || (reading.namedPlatform && reading.forms.contains(.yesNo))
            || ordinalOfDifference
        if !evidence {
            // Small talk and follow-ups need no evidence; a follow-up carries no words the pack never saw.
            let isFollowUp = matchedIntent.map { pack.intents[$0].followUp != nil } ?? false
            let plain = !isFollowUp || reading.unknownWords == 0 || reading.extraWords < 2
            if (matchedIsMeta && plain) || memory.pendingFirst >= 0 { return Understood(decision: matched) }
            // "terus artinya apa?": a content answer about the conversation's own topic.
            if continues, let intent = matchedIntent, let topic = contextTopic,
               isCompatible(intent, Entities(topic: topic)) {
                return Understood(decision: matched)
            }
            return refuse()
        }
        let followUp = matchedIntent.flatMap { pack.intents[$0].followUp }
        if memory.pendingFirst >= 0, followUp != nil {
            return Understood(decision: matched) // "yang influencer" answers a clarification
        }
        // "lanjut", "yang kedua", "contohnya?": follow-ups about the conversation so far.
        if let followUp, followUp != "topic", reading.entity == nil, !reading.forms.contains(.compareNoun),
           reading.aspect < 0 || (followUp == "example" && pack.aspectNames[reading.aspect] == "examples") {
            return Understood(decision: matched)
        }

        var entity = reading.entity
        if entity == nil, reading.pronoun { entity = contextTopic }
        if entity == nil, reading.aspect >= 0, continues { entity = contextTopic }
        if reading.forms.contains(.compare) { entity = "both" }
        let yesNo = reading.forms.contains(.yesNo)

        func answer(_ intent: Int, agreeing: Bool = false) -> Understood {
            let confidence = intent == matchedIntent ? max(matchedConfidence, Self.readingConfidence) : Self.readingConfidence
            var polarity: Polarity?
            if yesNo, pack.claims.claims[intent] != nil {
                polarity = pack.claims.polarity(of: intent, stems: analysis.stems, reading: reading)
            }
            return Understood(decision: .answer(intent: intent, confidence: confidence), polarity: polarity)
        }

        guard reading.aspect < 0 else {
            if let routed = pack.routes.intent(entity: entity, aspect: reading.aspect, forms: reading.forms) {
                return answer(routed)
            }
            return Understood(decision: matched)
        }

        // No aspect named. A follow-up naming only another side carries the aspect of the last answer.
        let bare = reading.extraWords == 0 && reading.forms.isDisjoint(with: [.definition, .why, .yesNo, .list, .compare])
        if bare, let entity, let last {
            let previous = pack.intents[last]
            if let target = previous.then[entity], let index = pack.intentIndex[target] { return answer(index) }
            if let aspect = previous.slots.aspect.flatMap(pack.reader.aspectIndex),
               let routed = pack.routes.intent(entity: entity, aspect: aspect, forms: reading.forms), routed != last {
                return answer(routed)
            }
        }
        // An ordinal picks a difference; the matcher and the follow-ups know how.
        if reading.ordinal != nil, matchedIntent != nil { return Understood(decision: matched) }
        // A confident matcher answer about the same side stands ("kol itu profesinya apa aja"), except for
        // why-, what-is and comparison questions, which the routes answer.
        let routeFirst = !reading.forms.isDisjoint(with: [.why, .definition, .compare])
        if !routeFirst, let intent = matchedIntent, !matchedIsMeta, matchedConfidence >= pack.settings.threshold,
           entity.map({ isCompatible(intent, Entities(topic: $0)) }) ?? true {
            return answer(intent)
        }
        // Words the article does not know beside a side, without a definition frame: the matcher's refusal stands.
        if reading.unknownWords > 0, !reading.forms.contains(.definition), matchedIntent == nil {
            return refuse()
        }
        if let routed = pack.routes.intent(entity: entity, aspect: -1, forms: reading.forms) { return answer(routed) }
        return Understood(decision: matched)
    }

    /// What a fresh user would be answered for `text`, before follow-ups are resolved (for the pack check).
    func firstDecision(for text: String) -> Decision {
        let analysis = pack.analyzer.analyze(text)
        let reading = pack.reader.read(analysis, questionMark: Self.endsWithQuestionMark(text))
        return understand(analysis, reading, memory: UserMemory()).decision
    }

    /// Small talk, questions about the bot or its source, and follow-ups: intents that are not content of the article.
    func isMeta(_ intent: Intent) -> Bool {
        intent.followUp != nil || intent.slots.topic == "none"
    }
}
