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
    /// The most words of a short follow-up ("lewat apa aja caranya?").
    static let shortFollowUp = 4

    /// The matcher's opinion on a message: its decision, the intent it answers with (if any) and whether
    /// the message most resembles the out-of-scope examples. Consulted only when the reading needs it.
    struct MatcherOpinion {
        var decision: Decision
        var intent: Int?
        var confidence = 0.0
        var isMeta = false
        var followUp: String?
        var looksOutOfScope = false
    }

    /// `languageRequest`: the message asks only to switch language ("in English please"); `yesNoCarried`: a
    /// follow-up of a yes/no answer, itself asking yes or no ("kalau Snapchat?"); `claim`: the stems of that
    /// yes/no question, whose claim a follow-up naming only another side asks of it.
    func understand(
        _ analysis: Analysis, _ given: Reading, memory: UserMemory, languageRequest: Language? = nil, yesNoCarried: Bool = false,
        claim: [String] = []
    ) -> Understood {
        let contextTopic = memory.topic > 0 ? pack.topicNames[Int(memory.topic) - 1] : nil
        let last = memory.lastIntent >= 0 ? Int(memory.lastIntent) : nil
        // "nah kalau KOL beda nggak di situ?", "bandingin dong sama influencer": no aspect of its own, a
        // comparison or a word pointing back ("di situ", "on that point") asks about the last answer's aspect.
        // (A comparison naming both sides, "apa bedanya KOL dan influencer?", asks for the differences.)
        var reading = given
        var carried = false
        if reading.subjectSide == nil, let contextTopic, !contextTopic.same(as: "both") { reading.subjectSide = contextTopic }
        // "the other side?", "kalau kebalikannya?" after one side: the other side, asked the same way.
        if reading.otherSide, reading.entity == nil, !reading.pronoun, reading.ordinal == nil, !reading.forms.contains(.compareNoun),
           let contextTopic, !contextTopic.same(as: "both"),
           let other = pack.topicNames.first(where: { !$0.same(as: contextTopic) && !$0.same(as: "both") }) {
            reading.entity = other
            reading.sideNamed = true
        }
        // (After the long form or what both share, a comparison asks for the differences.)
        // (An ordinal or a step names the difference itself: "going back to the first difference", "balik ke
        // perbedaan tadi, yang berikutnya apa?".)
        let moveKind = reading.move >= 0 ? pack.followUpKinds[pack.moveIntents[reading.move]] : nil
        let steps = moveKind == "next" || moveKind == "previous"
        // ("why's that?" after what a side is asks why it is followed, below.)
        if reading.aspect < 0, reading.ordinal == nil, !steps, let last, !pack.isMeta[last], pack.intentAspect[last] >= 0,
           pack.intentAspect[last] != pack.reader.termAspect, pack.intentAspect[last] != pack.reader.commonAspect,
           !(reading.forms.contains(.why) && pack.intentAspect[last] == pack.reader.definitionAspect),
           reading.refersToLastAspect && (reading.entity != nil || reading.pronoun || !reading.forms.isDisjoint(with: [.compare, .why]))
            || reading.forms.contains(.compare) && (reading.entity != "both" || reading.bothWord) && reading.extraWords <= 3
                && pack.intents[last].slots.topic.map({ !$0.same(as: "both") }) ?? false
                && comparedOnAnAspect(pack.intentAspect[last]) {

            reading.aspect = pack.intentAspect[last]
            carried = true
        }
        let yesNo = reading.forms.contains(.yesNo) || yesNoCarried
        // "is that mostly online?" after how influencers spend their days, "lewat apa?" after how far a KOL's fame
        // goes: a weak cue of a neighbouring aspect in a yes/no or a short how follow-up that names no side stays
        // with the last answer's aspect ("kalau dari segi media?" moves).
        if yesNo || reading.forms.contains(.how) && reading.extraWords == 0 && analysis.tokens.count <= Self.shortFollowUp,
           reading.entity == nil, !reading.aspectIsStrong, reading.aspect >= 0, let last, !pack.isMeta[last],
           case let previous = pack.intentAspect[last], previous >= 0,
           pack.reader.neighbours[reading.aspect] & (1 << UInt32(previous)) != 0 {
            reading.aspect = previous
            carried = true
        }
        var consulted: MatcherOpinion?
        func matcher() -> MatcherOpinion {
            if let consulted { return consulted }
            // The matcher sees the reading's entity ("KOL jadi influencer" is about KOLs) and aspect.
            var seen = analysis
            seen.entities.topic = reading.entity
            seen.entities.aspect = reading.aspect >= 0 ? pack.aspectNames[reading.aspect] : nil
            var opinion = MatcherOpinion(decision: decide(seen, contextTopic: contextTopic))
            opinion.looksOutOfScope = matcherTopIntent == pack.fallbackIndex
            if case .answer(let intent, let confidence) = opinion.decision {
                opinion.intent = intent
                opinion.confidence = confidence
                opinion.isMeta = pack.isMeta[intent]
                opinion.followUp = pack.followUpKinds[intent]
            }
            consulted = opinion
            return opinion
        }

        // The thing a definition frame names ("Notion" of "Notion itu aplikasi apa?"), found at most once.
        var framed: Range<Int>??
        func definedThing() -> Range<Int>? {
            if let framed { return framed }
            let thing = pack.reader.definedThing(in: analysis.tokens, hashes: analysis.tokenHashes)
            framed = thing
            return thing
        }

        func refuse() -> Understood {
            let thing = reading.hasDefinitionFrame && reading.entity == nil ? definedThing() : nil
            let confidence = consulted?.confidence ?? 0
            return Understood(decision: .fallback(confidence: max(confidence, 1 - confidence)), unknownThing: thing)
        }
        // "is he an influencer?" right after "Who is MrBeast?" was refused: "he" is that unknown person, not a side.
        if memory.refusedUnknown, reading.singularPronoun, !reading.pronoun, reading.ordinal == nil {
            return refuse()
        }
        // "even though they mostly interact offline?" after "can a KOL have a strong personal brand?": the last yes/no
        // question asked again, conceding something.
        let conceding = memory.askedYesNo && reading.ordinal == nil && reading.move < 0 && !reading.forms.contains(.why)
            && (reading.entity == nil || reading.entity == contextTopic) && last.map { !pack.isMeta[$0] } ?? false
            && pack.reader.concedes(analysis.tokens, hashes: analysis.tokenHashes)
        // ("kamu suka kopi ga?": words the pack never saw, said to the bot, ask about the bot's likes.)
        func asksTheBotAboutElse() -> Bool {
            reading.unknownWords > 0 && pack.reader.speaksToBot(analysis.words, hashes: analysis.wordHashes)
        }
        func answer(_ intent: Int) -> Understood {
            var confidence = Self.readingConfidence
            if let consulted, consulted.intent == intent { confidence = max(consulted.confidence, confidence) }
            var polarity: Polarity?
            if yesNo || conceding, pack.claims.decides(intent) {
                let own = pack.claims.verdict(of: intent, stems: analysis.stems, hashes: analysis.stemHashes, reading: reading)
                // ("Does a KOL's credibility depend on the stock market?": something the article never covers, which
                // no claim speaks of, is something it does not say.)
                polarity = !own.byMessage && reading.foreignWeight > 0 ? .unknown : own.polarity
                // "kalau influencer?" after "KOL kerja full time?": the last question's claim, asked of this side
                // ("is a KOL's fame that wide too?" after "can influencers have fans all over the globe?").
                let pointsBack = reading.refersToLastAspect && reading.extraWords == 0
                // ("is that the only way?" after "can a KOL get famous nationally through TV?": that claim with the
                // words of this one.)
                if yesNoCarried && reading.aspect < 0 || pointsBack || conceding, !claim.isEmpty {
                    let stems = analysis.stems + claim // (the claim's own tags stay at the end)
                    polarity = pack.claims.polarity(of: intent, stems: stems, hashes: analysis.stemHashes + claim.map(WordHash.of), reading: reading)
                }
            }
            return Understood(decision: .answer(intent: intent, confidence: confidence), polarity: polarity)
        }

        if conceding, let last { return answer(last) }
        // "Does every KOL do that?", "is it their actual profession?", "is it about money?" after the fifth: a yes/no
        // question naming no aspect of its own (nor a platform) asks about the last answer, of the same side.
        if reading.forms.contains(.yesNo), !reading.asksReason, reading.ordinal == nil, reading.move < 0, let last,
           !pack.isMeta[last], case let previous = pack.intentAspect[last], previous >= 0,
           reading.aspect < 0 || reading.aspect == previous && !reading.aspectIsStrong
            || pack.reader.coversUnknown.contains(previous) && reading.entity == nil, // "is it about fame?" after the fifth
           reading.entity == nil && !(reading.pronoun && contextTopic == "both") // "so are they the same thing?"
            || reading.entity == contextTopic && contextTopic != "both",
           reading.foreignWeight == 0 || pack.reader.coversUnknown.contains(previous),
           !reading.namedPlatform, !reading.otherPlatform, !reading.hasDefinitionFrame,
           !asksTheBotAboutElse(),
           reading.forms.isDisjoint(with: [.compare, .compareNoun, .definition, .list, .why, .questionWord]) {
            return answer(last)
        }
        // "is it from Kompas?" right after where the answers come from: whether that is the source ("ok makasih ya"
        // thanks).
        if reading.forms.contains(.yesNo), reading.move < 0, let last, last == pack.sourceIntent,
           reading.entity == nil, !reading.pronoun, reading.aspect < 0 || reading.aspect == pack.reader.sourceAspect,
           reading.foreignWeight == 0, reading.extraWords <= 2, reading.ordinal == nil,
           reading.forms.isDisjoint(with: [.why, .compare, .definition, .list]) {
            return answer(last)
        }
        // "Perbedaan pertama itu soal kredibilitas, bukan?", "Is the fourth one about credibility?": whether that
        // difference is the one about this aspect.
        if reading.forms.contains(.yesNo), let ordinal = reading.ordinal, reading.aspect >= 0, reading.entity == nil || reading.entity == "both",
           let index = pack.differenceIntent[ordinal], pack.intentAspect[index] >= 0,
           !pack.reader.coversUnknown.contains(pack.intentAspect[index]), !pack.reader.coversUnknown.contains(reading.aspect) {
            let same = pack.routes.intent(entity: "both", aspect: reading.aspect, forms: []) == index
            return Understood(decision: .answer(intent: index, confidence: Self.readingConfidence), polarity: same ? .yes : .no)
        }
        // "Is the third difference about how much money they earn?", "... about age?": a known difference is about its
        // own aspect, not about something the article never covers nor anything else named after "about".
        if reading.forms.contains(.yesNo), let ordinal = reading.ordinal, reading.aspect < 0,
           reading.foreignWeight > 0 || reading.extraWords > 0 && pack.reader.saysAbout(analysis.tokens, hashes: analysis.tokenHashes),
           reading.entity == nil || reading.entity == "both", reading.forms.contains(.compareNoun),
           let index = pack.differenceIntent[ordinal], pack.intentAspect[index] >= 0,
           !pack.reader.coversUnknown.contains(pack.intentAspect[index]) {
            return Understood(decision: .answer(intent: index, confidence: Self.readingConfidence), polarity: .no)
        }
        // Out of scope: an aspect nobody asks the article about outweighs the article's own.
        // (A yes/no question about one side's strong aspect ties with one such word: "Does a KOL's credibility come
        // from their follower count?" asks about credibility, which the article answers.)
        let claimOnAspect = yesNo && reading.aspectIsStrong && reading.entity.map { !$0.same(as: "both") } ?? false
        if reading.foreignWeight > 0, reading.foreignWeight > reading.aspectWeight
            || reading.foreignWeight == reading.aspectWeight && !claimOnAspect, !pack.reader.coversUnknown.contains(reading.aspect) {
            return refuse()
        }
        // "capek bgt abis kerja seharian": no question, no side, and an out-of-scope word is chatter, whatever
        // aspect its other words name.
        if reading.foreignWeight > 0, reading.forms.isEmpty, reading.entity == nil, !reading.pronoun, !reading.singularPronoun,
           !carried, !pack.reader.coversUnknown.contains(reading.aspect) {
            return refuse()
        }
        // "kalo KOL?" right after "berapa gaji influencer?" was refused: the same question about the other side.
        // ("kalau influencer biasa?" after "apa itu nano influencer?" names the same side, and asks about it.)
        if memory.refusedTopic > 0, let side = reading.entity, side != pack.topicNames[Int(memory.refusedTopic) - 1],
           reading.aspect < 0, reading.extraWords == 0,
           reading.forms.isDisjoint(with: [.definition, .why, .yesNo, .list, .compare, .compareNoun]) {
            return refuse()
        }
        // A side with no aspect, not even a weak cue, beside several words the pack never saw ("how do
        // influencers deal with hate comments?"): something about the side the article does not cover.
        // (A definition or a why-question with words of its own stays one: "KOL itu sosok seperti apa?")
        // ("ksjdf kol kwjeh influ": the sides among words of no language and nothing else.)
        if reading.entity != nil, reading.aspect < 0, !reading.hasHint, reading.unknownWords >= 2,
           reading.extraWords >= 3 || reading.unknownWords == reading.extraWords && reading.forms.isEmpty,
           reading.forms.isDisjoint(with: [.compareNoun, .definition, .why]), !reading.hasDefinitionFrame {
            return refuse()
        }
        // "apa itu podcast?" after the platforms: the article names platforms but defines none; "Notion itu aplikasi
        // apa?", "what app is Notion?": nor anything named by a word the pack never saw; "apa itu Kantamedia?": nor its
        // publisher.
        if reading.hasDefinitionFrame, reading.entity == nil, !reading.pronoun, !reading.singularPronoun,
           reading.otherPlatform || reading.namedPlatform && !reading.aspectIsStrong
            || reading.unknownWords > 0 && reading.move < 0 && definedThing()?.contains(reading.unknownAt) == true
            || definedThing().map { pack.reader.namesOnlyUndefined($0, in: analysis.tokens, hashes: analysis.tokenHashes) } ?? false,
           !reading.forms.contains(.yesNo) {
            return refuse()
        }
        // "Apa kepanjangan dari SEO?": the long form of something the pack never saw.
        if reading.aspect >= 0, reading.aspect == pack.reader.termAspect, reading.entity == nil, !reading.pronoun,
           reading.unknownWords > 0, analysis.words.indices.contains(reading.unknownAt),
           analysis.words[reading.unknownAt].utf8.count >= 2 { // single letters spell "K O L"
            return refuse()
        }
        // "apakah karena interaksinya langsung?" after why people follow KOLs: whether this is why the last answer
        // holds; "is that why they have fans all over the world?", "itu alasan orang percaya KOL?": that aspect of the
        // side; "apakah karena KOL itu ahli?" with no answer before: whether this is why the side is followed.
        if reading.asksReason, reading.ordinal == nil {
            let side = reading.entity ?? contextTopic
            if let side, reading.aspectIsStrong || reading.aspect >= 0 && reading.aspect == pack.reader.reasonsAspect,
               let routed = pack.routes.intent(entity: side, aspect: reading.aspect, forms: reading.forms) {
                return answer(routed)
            }
            if reading.entity == nil || reading.entity == contextTopic || contextTopic == "both", let last, !pack.isMeta[last] {
                return answer(last)
            }
            if let side, side != "both",
               let routed = pack.routes.intent(entity: side, aspect: pack.reader.reasonsAspect, forms: reading.forms) {
                return answer(routed)
            }
        }
        if memory.pendingFirst >= 0, reading.ordinal != nil || matcher().followUp != nil {
            return Understood(decision: matcher().decision) // "yang influencer" answers a clarification
        }
        // "yang sebelum nomor empat?", "the one after the second": a step from the difference named.
        if let ordinal = reading.ordinal, reading.entity == nil || reading.entity == "both", reading.aspect < 0,
           case let step = pack.reader.stepFromOrdinal(analysis.tokens, hashes: analysis.tokenHashes), step != 0,
           let index = pack.differenceIntent[ordinal + step] {
            return answer(index)
        }
        // "the one before the daily-life one", "yang sesudah soal kredibilitas?": a step from the difference of the
        // aspect named.
        // ("balik lagi, kredibilitasnya?" goes back to an aspect: a step needs "before" or "after".)
        if steps, reading.ordinal == nil, reading.entity == nil || reading.entity == "both", reading.aspect >= 0, reading.aspectIsStrong,
           case let step = pack.reader.stepFromOrdinal(analysis.tokens, hashes: analysis.tokenHashes), step != 0,
           let named = pack.routes.intent(entity: "both", aspect: reading.aspect, forms: []),
           case let ordinal = pack.intentOrdinal[named], pack.differenceIntent[ordinal] == named,
           let index = pack.differenceIntent[ordinal + step] {
            return Understood(decision: .answer(intent: index, confidence: Self.readingConfidence))
        }
        // "and?", "trus?" right after a numbered difference: the next one.
        // ("ok", "hmm" acknowledge; only an opener of its own continues.)
        if reading.forms == [.followUp], !reading.hasContent, reading.ordinal == nil, reading.move < 0,
           reading.extraWords == 0, !reading.pronoun, !reading.singularPronoun, let last,
           case let ordinal = pack.intentOrdinal[last], pack.differenceIntent[ordinal] == last,
           let next = pack.differenceIntent[ordinal + 1] {
            return Understood(decision: .answer(intent: next, confidence: Self.readingConfidence))
        }
        // "perbedaan berikutnya?", "the previous difference": a step along the differences from the last one answered.
        if steps, reading.entity == nil, reading.aspect < 0, reading.ordinal == nil, memory.cursor > 0,
           reading.extraWords == 0 || reading.forms.contains(.compareNoun) && reading.extraWords <= 2 {
            return Understood(decision: .answer(intent: pack.moveIntents[reading.move], confidence: Self.readingConfidence))
        }
        // A short message inside a conversation about the article ("kalau dari sisi kepercayaan?").
        // A follow-up opener or a strong aspect continues it too, beside a few words of its own ("terus gimana
        // caranya bisa terkenal se-Indonesia?", "jangkauannya seluas apa?").
        // After small talk, an aspect alone goes back to the conversation's side ("oke, balik ke tadi, kredibilitasnya?").
        let continues = last.map { !pack.isMeta[$0] } ?? false && reading.entity == nil
            && (reading.extraWords == 0 || reading.aspect >= 0 && reading.extraWords <= 2
                && (reading.forms.contains(.followUp) || reading.aspectIsStrong || reading.extraWords == 1))
            || last.map { pack.isMeta[$0] } ?? false && contextTopic != nil && reading.entity == nil && reading.aspect >= 0
                && reading.extraWords == 0 && !reading.pronoun
        // Domain evidence: a side (or "they"), a strong aspect, a difference, a weak aspect continuing the
        // conversation, or a named platform asked yes or no.
        let evidence = reading.entity != nil || reading.pronoun || reading.singularPronoun && contextTopic != nil
            || reading.aspectIsStrong || reading.forms.contains(.compareNoun)
            || (reading.aspect >= 0 && continues) || (reading.namedPlatform && yesNo) || carried
            || (reading.forms.contains(.compare) && reading.aspect >= 0 && reading.aspectWeight >= Reader.cueWeight)
        if !evidence {
            if let languageRequest, let index = pack.followUpIntent[languageRequest == .english ? "english" : "indonesian"] {
                return Understood(decision: .answer(intent: index, confidence: Self.readingConfidence))
            }
            // "always?" after a yes/no answer: the same question, with this word.
            if yesNoCarried, reading.move < 0, reading.extraWords <= 1, let last, !pack.isMeta[last], !asksTheBotAboutElse() {
                return answer(last)
            }
            // "how?", "caranya gimana?", and after a verdict "where does it come from then?", "lalu dari mana asalnya?":
            // how or where the last answer comes about, which is that answer again.
            let afterVerdict = memory.askedYesNo && reading.forms.contains(.questionWord) && reading.extraWords <= 1
                && reading.forms.isDisjoint(with: [.why, .definition, .list, .compare, .yesNo])
            // ("terus dari mana?" after "apakah artikel ini dari Detik?": where the article is from.)
            if reading.forms.contains(.how) && reading.extraWords == 0 || afterVerdict, reading.move < 0,
               reading.ordinal == nil, let last, !pack.isMeta[last] || afterVerdict && last == pack.sourceIntent {
                return answer(last)
            }
            // "sebutkan satu per satu", "apa aja?" after what both share or a difference: the list it belongs to;
            // "what's different?" after what both share: the differences. ("selain itu apa aja?" after the platforms
            // or the examples: that list again.)
            let asksList = reading.forms.contains(.list), asksDifference = reading.forms.contains(.compare)
            if asksList || asksDifference, reading.move < 0, reading.extraWords <= 2, reading.ordinal == nil, let last,
               !pack.isMeta[last], pack.intentTopic[last] >= 0 {
                let aspect = pack.intentAspect[last]
                if pack.topicNames[pack.intentTopic[last]] == "both" {
                    if asksList, aspect == pack.reader.commonAspect { return answer(last) }
                    if let list = pack.routes.intent(entity: "both", aspect: pack.reader.differenceAspect, forms: reading.forms.intersection([.why])) {
                        return answer(list) // ("then why do people say they're different?": why they differ)
                    }
                } else if asksList, aspect >= 0, aspect == pack.reader.platformsAspect || aspect == pack.reader.examplesAspect {
                    return answer(last)
                }
            }
            // "kenapa begitu?", "why though?": why the last answer holds, by the routes of its side and aspect
            // ("kenapa tidak dibahas?" after the fifth difference: why the source does not cover it; "knp bisa gitu"
            // after what a side is: why people follow it).
            if reading.forms.contains(.why), reading.move < 0, reading.ordinal == nil, let last, !pack.isMeta[last],
               reading.extraWords == 0 || reading.extraWords <= 2 && pack.intentAspect[last] >= 0
                && pack.reader.coversUnknown.contains(pack.intentAspect[last]) {
                let aspect = pack.intentAspect[last] == pack.reader.definitionAspect ? -1 : pack.intentAspect[last]
                return answer(pack.routes.intent(entity: contextTopic, aspect: aspect, forms: reading.forms) ?? last)
            }
            // "kamu tau Raffi Ahmad?", "do you know Gordon Ramsay?": a name the pack never saw, asked of the bot.
            if reading.unknownPair, asksTheBotAboutElse() { return refuse() }
            return converse(reading, matcher: matcher, definedThing: definedThing, continues: continues,
                            contextTopic: contextTopic, startedOver: memory.startedOver, refuse: refuse)
        }
        // "contohnya?": the example of whatever the conversation is about.
        if reading.entity == nil, !reading.forms.contains(.compareNoun),
           reading.aspect < 0 || reading.aspect == pack.reader.examplesAspect, matcher().followUp == "example" {
            return Understood(decision: matcher().decision)
        }

        var entity = reading.entity
        if entity == nil, reading.pronoun || reading.singularPronoun { entity = contextTopic }
        // (Where the article comes from is no side's: "dari mana sumbernya?" after a difference asks for the source.)
        if entity == nil, reading.aspect >= 0, reading.aspect != pack.reader.sourceAspect, continues || carried { entity = contextTopic }
        if reading.forms.contains(.compare) { entity = "both" }

        // "balik ke perbedaan pertama tadi, sisi influencer-nya gimana?": one side of a numbered difference.
        if reading.aspect < 0, reading.forms.contains(.compareNoun) || reading.sideNamed, !reading.forms.contains(.definition),
           let ordinal = reading.ordinal, let side = reading.entity, side != "both",
           let index = pack.differenceIntent[ordinal], pack.intentAspect[index] >= 0,
           let routed = pack.routes.intent(entity: side, aspect: pack.intentAspect[index], forms: reading.forms.subtracting([.compare])) {
            return answer(routed)
        }
        // "perbedaan kedua", "the 4th difference", "poin kedua kok bisa gitu?", "balik ke daftar tadi, nomor tiga?"
        // ("persamaan kedua profesi itu": beside an aspect "kedua" means both).
        if reading.aspect < 0, let ordinal = reading.ordinal, entity == "both" || entity == nil,
           let index = pack.differenceIntent[ordinal] {
            return answer(index)
        }
        // "back to the platforms - is Instagram there?", "how about LinkedIn?" after a difference: a platform the
        // article lists, asked of no side by name, is asked of its list of platforms (which only one side has),
        // when the conversation is about both sides or the message names the list itself.
        if reading.aspect >= 0, reading.aspect == pack.reader.platformsAspect, reading.namedPlatform, reading.entity == nil,
           contextTopic == nil || contextTopic == "both" || reading.aspectIsStrong && !reading.pronoun,
           let list = pack.platformsIntent {
            return answer(list)
        }
        if reading.aspect >= 0,
           let routed = pack.routes.intent(entity: entity, aspect: reading.aspect, forms: reading.forms) {
            return answer(routed)
        }

        // No aspect (or one the side has no answer for). A follow-up naming only another side carries the
        // aspect of the last answer ("terus influencer gimana?").
        // ("And do KOLs?" after a yes/no question: the same question of the other side.)
        let bare = reading.extraWords == 0 && reading.forms.isDisjoint(with: [.definition, .why, .list, .compare])
            && (!reading.forms.contains(.yesNo) || reading.forms.contains(.followUp) || yesNoCarried)
        // "jelasin sisi KOL-nya aja": a side of the last aspect, even asked to be explained.
        let side = reading.sideNamed && reading.extraWords == 0 && reading.forms.isDisjoint(with: [.why, .yesNo, .list, .compare])
        // "influencer krn apa?" right after where a KOL's credibility comes from: that aspect of the other side.
        // (Otherwise a why-question naming only a side asks why people follow it.)
        let shiftedWhy = reading.forms.contains(.why) && !reading.asksReason && reading.extraWords <= 1
            && reading.forms.isDisjoint(with: [.definition, .list, .compare, .yesNo]) && entity != contextTopic
            && last.map { pack.intentAspect[$0] >= 0 && comparedOnAnAspect(pack.intentAspect[$0]) } ?? false
        if bare || side || shiftedWhy, let entity, let last {
            if let target = pack.intents[last].then[entity], let index = pack.intentIndex[target] { return answer(index) }
            // After small talk ("mantap thx", then "kol gmn?") the aspect of the last content answer.
            let aspect = pack.intentAspect[last] >= 0 || !pack.isMeta[last] ? pack.intentAspect[last] : Int(memory.aspect) - 1
            if aspect >= 0, let routed = pack.routes.intent(entity: entity, aspect: aspect, forms: reading.forms), routed != last {
                return answer(routed)
            }
        }
        // "bedanya apa kalau dibandingkan?" right after one side of an aspect: that aspect's difference.
        // (Never the answer just given: "terus bedanya?" after what both share asks for the differences.)
        if reading.entity == nil, reading.forms.contains(.compare), let last, pack.intentAspect[last] >= 0,
           comparedOnAnAspect(pack.intentAspect[last]),
           let routed = pack.routes.intent(entity: "both", aspect: pack.intentAspect[last], forms: reading.forms), routed != last {
            return answer(routed)
        }
        // An ordinal beside an aspect no route answers.
        if let ordinal = reading.ordinal, entity == "both" || entity == nil, let index = pack.differenceIntent[ordinal] {
            return answer(index)
        }
        // A confident matcher answer about the same side stands ("kol itu harus ahli ya"), except for why-,
        // what-is and comparison questions, which the routes answer, and except an aspect the reading would
        // have seen (media, credibility, reach, ...).
        let routeFirst = !reading.forms.isDisjoint(with: [.why, .definition, .compare])
        if !routeFirst {
            let opinion = matcher()
            if let intent = opinion.intent, !opinion.isMeta, opinion.confidence >= pack.settings.threshold,
               pack.intents[intent].slots.aspect.map(pack.reader.matcherAspects.contains) ?? true,
               entity.map({ isCompatible(intent, Entities(topic: $0)) }) ?? true {
                return answer(intent)
            }
            // A side beside words like the out-of-scope examples ("gimana caranya jadi influencer") stays refused.
            if opinion.looksOutOfScope, reading.extraWords > 0 { return refuse() }
        }
        if let routed = pack.routes.intent(entity: entity, aspect: -1, forms: reading.forms) { return answer(routed) }
        return Understood(decision: matcher().decision)
    }

    /// True when the two sides compared on `aspect` make a numbered difference (credibility does, the reasons
    /// people follow a side do not: "bedanya sama KOL apa?" after them asks for the differences).
    private func comparedOnAnAspect(_ aspect: Int) -> Bool {
        pack.routes.intent(entity: "both", aspect: aspect, forms: [.compare]).map { pack.intentOrdinal[$0] > 0 } ?? false
    }

    /// A message without content of the article: small talk, a follow-up, or a refusal.
    private func converse(
        _ reading: Reading, matcher: () -> MatcherOpinion, definedThing: () -> Range<Int>?, continues: Bool,
        contextTopic: String?, startedOver: Bool, refuse: () -> Understood
    ) -> Understood {
        // "yang kedua?" right after starting over: no list to pick from.
        if reading.ordinal != nil, !reading.hasContent, reading.move < 0, startedOver {
            return refuse()
        }
        // "the first of those", "nomor 3", "poin 4 membahas apa": an ordinal follow-up (a short message, one known
        // word at most beside it: "who won the last world cup" is not).
        if reading.ordinal != nil, reading.extraWords == 0 || reading.extraWords == 1 && reading.unknownWords == 0,
           reading.move < 0 || pack.followUpKinds[pack.moveIntents[reading.move]] != "reset", // "balik lagi, yang keempat?"
           let ordinal = pack.followUpIntent["ordinal"] {
            return Understood(decision: .answer(intent: ordinal, confidence: Self.readingConfidence))
        }
        // "do you know what Spotify is", "maksudnya personal branding itu apa?": a thing the article does not define
        // (even though "maksudnya" asks to repeat; "who are you" is a move of its own).
        if reading.hasDefinitionFrame,
           reading.move < 0 || pack.followUpKinds[pack.moveIntents[reading.move]] == "repeat" && (reading.aspect >= 0 || reading.unknownWords > 0),
           definedThing() != nil {
            return refuse()
        }
        if reading.move >= 0 {
            var ties = reading.moveTies
            var move = reading.move
            // A greeting beside another move opens the message: "halo, kamu bot apa?" asks who the bot is, while
            // "woi bot" and "heyy bot, lagi santai kan" greet.
            // ("Terima kasih, selamat malam" thanks before its greeting, which says good night.)
            if ties & (ties - 1) != 0, let greeting = pack.reader.greetingMove, ties & (1 << UInt16(greeting)) != 0 {
                if reading.forms.isDisjoint(with: [.questionWord, .why]), !reading.isChoice,
                   reading.firstMove < 0 || pack.reader.closingMoves & (1 << UInt16(reading.firstMove)) == 0 {
                    return Understood(decision: .answer(intent: pack.moveIntents[greeting], confidence: Self.readingConfidence))
                }
                ties &= ~(1 << UInt16(greeting))
                if move == greeting { move = ties.trailingZeroBitCount }
            }
            // The matcher's choice among tied moves, else the first.
            if ties & (ties - 1) != 0, let intent = matcher().intent,
               let position = pack.moveIntents.firstIndex(of: intent), ties & (1 << UInt16(position)) != 0 {
                return Understood(decision: matcher().decision)
            }
            return Understood(decision: .answer(intent: pack.moveIntents[move], confidence: Self.readingConfidence))
        }
        // The matcher's small talk and follow-ups, unless words the pack never saw come with them.
        let opinion = matcher()
        if opinion.isMeta, opinion.followUp == nil || reading.unknownWords == 0 || reading.extraWords < 2 {
            return Understood(decision: opinion.decision)
        }
        // "terus artinya apa?": a definition of the conversation's own topic.
        if continues, reading.forms.contains(.definition), let contextTopic,
           let routed = pack.routes.intent(entity: contextTopic, aspect: -1, forms: reading.forms) {
            return Understood(decision: .answer(intent: routed, confidence: Self.readingConfidence))
        }
        // A content answer of the matcher about the conversation's own topic.
        if continues, let intent = opinion.intent, let topic = contextTopic, isCompatible(intent, Entities(topic: topic)) {
            return Understood(decision: opinion.decision)
        }
        return refuse()
    }

    /// What a fresh user would be answered for `text`, before follow-ups are resolved (for the pack check).
    func firstDecision(for text: String) -> Decision {
        let text = TextCleaner.withoutLinks(text)
        var analysis = pack.analyzer.analyze(text)
        let decision = interpret(text, memory: UserMemory(), analysis: &analysis).understood.decision
        if case .answer(let intent, let confidence) = decision, let kind = pack.intents[intent].followUp {
            var language = Language.indonesian
            return resolveFollowUp(kind, intent: intent, confidence: confidence, entities: analysis.entities,
                                   memory: UserMemory(), language: &language, languageForced: false)
        }
        return decision
    }

}
