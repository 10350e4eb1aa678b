import Foundation

/// Answers questions about the article for many users, keeping per-user conversation state
/// (language, last intent, topic, aspect, difference cursor, pending clarification, recent question ids).
/// Not thread-safe: one engine belongs to one worker thread.
public final class ConversationEngine {
    /// The knowledge pack answered from.
    public let pack: KnowledgePack
    /// The engine's tunables.
    public let options: ConversationOptions
    private let clock: any ConversationClock
    private let scorer: Scorer
    /// Only this engine's own thread touches it (see the class comment): no dynamic exclusivity checks.
    @exclusivity(unchecked) private var store: UserStore
    /// The storage of the last message's analysis, reused by the next one (no allocation per message).
    private var scratch = Analysis()
    /// The last yes/no question of users recently answered yes or no.
    private(set) var claims = ClaimMemory(capacity: 4096)
    /// Corrections and stems of the words seen lately.
    let memo = AnalysisMemo()
    /// The intent the matcher ranked first for the last message it scored (see ``matcherTopIntent``).
    private var lastMatcherTop = -1

    /// Creates an engine over `pack`.
    public init(pack: KnowledgePack, options: ConversationOptions = .init(), clock: any ConversationClock = SystemClock()) {
        self.pack = pack
        self.options = options
        self.clock = clock
        scorer = Scorer(index: pack.index, outOfScopeIntent: pack.intentIndex[pack.fallbackIntent] ?? -1)
        store = UserStore(capacity: options.maxUsers, idleExpiry: options.idleExpiry)
    }

    /// Answers one question of `user`. `language` forces the answer language; nil = detect.
    public func reply(to text: String, user: String, language: Language? = nil) -> Reply {
        reply(to: text, user: user, language: language, questionId: nil)
    }

    /// Answers one question of `user` and remembers `questionId` among the user's recent question ids.
    public func reply(to text: String, user: String, language: Language?, questionId: String?) -> Reply {
        let now = clock.now()
        store.expire(now: now)
        let (slot, remembered) = store.find(user, now: now)
        var memory = remembered ?? UserMemory()
        var analysis = Analysis()
        swap(&analysis, &scratch)
        let text = TextCleaner.withoutLinks(text)
        pack.analyzer.analyze(text, into: &analysis, memo: memo)
        let interpretation = interpret(text, memory: memory, analysis: &analysis, claim: memory.claimKept ? claims.stems(of: user) : [])
        let reading = interpretation.reading
        let understood = interpretation.understood
        // ("Translate 'selamat pagi' into Japanese": words quoted are not the language the user writes in.)
        let written = Self.withoutQuotes(text).map { pack.analyzer.analyze($0).language ?? analysis.language } ?? analysis.language
        var answerLanguage = language ?? interpretation.switched ?? written ?? memory.languageValue ?? options.defaultLanguage
        var decision = understood.decision
        if case .answer(let intent, let confidence) = decision, let kind = pack.followUpKinds[intent] {
            decision = resolveFollowUp(
                kind, intent: intent, confidence: confidence, entities: analysis.entities, memory: memory,
                language: &answerLanguage, languageForced: language != nil)
        }
        var reply = render(decision, language: answerLanguage)
        // A yes/no question answered by a conversation move ("artikelnya dari Kantamedia ya?") gets its verdict too.
        var polarity = understood.polarity
        if polarity == nil, reading.forms.contains(.yesNo), case .answer(let intent, _) = decision, pack.claims.decides(intent) {
            polarity = pack.claims.polarity(of: intent, stems: analysis.stems, hashes: analysis.stemHashes, reading: reading)
        }
        if case .answer(let intent, _) = decision, let polarity {
            lead(&reply, with: polarity, intent: intent, reading: reading, analysis: analysis, text: text)
        } else if case .fallback = decision, let thing = understood.unknownThing,
                  let name = Self.name(of: thing, in: analysis.tokens, text: text),
                  let template = pack.fallbackNamed[answerLanguage] {
            reply.text = template.replacingPlaceholder("x", with: name)
        }
        let previousAspect = memory.lastIntent >= 0 ? pack.intentAspect[Int(memory.lastIntent)] : -1
        remember(decision, entities: analysis.entities, language: answerLanguage, now: now, in: &memory)
        if reply.polarity != nil {
            claims.remember(analysis.stems, for: user)
            memory.claimKept = true
        } else if memory.claimKept {
            // ("kok bisa gitu?" after the verdict keeps to its aspect, and to its claim.)
            var sameAspect = false
            if case .answer(let intent, _) = decision { sameAspect = pack.intentAspect[intent] >= 0 && pack.intentAspect[intent] == previousAspect }
            if !sameAspect {
                claims.forget(user)
                memory.claimKept = false
            }
        }
        memory.askedYesNo = reply.polarity != nil
        memory.refusedTopic = 0
        memory.refusedUnknown = false
        if case .fallback = decision {
            if reading.foreignWeight > 0, let side = reading.entity, let position = pack.topicNames.firstIndex(of: side) {
                memory.refusedTopic = UInt8(position + 1)
            }
            memory.refusedUnknown = reading.entity == nil && reading.unknownWords > 0
        }
        if let questionId { memory.remember(questionHash: UserMemory.hash(questionId: questionId)) }
        store.store(memory, for: user, at: slot)
        // Not in a `defer`: that would copy the reply to return it.
        swap(&analysis, &scratch)
        return reply
    }

    /// How one message is understood in a conversation: what ``reply(to:user:language:questionId:)`` answers and
    /// ``explanation(of:user:)`` shows.
    struct Interpretation {
        /// The reading of the part of the message that asks.
        var reading: Reading
        /// The language the message asks its own question to be answered in ("in English: where does ...").
        var switched: Language?
        var understood: Understood
    }

    /// Reads the analysed message `text` (without web addresses, like its analysis) in the conversation held by
    /// `memory` and chooses what to answer.
    /// `analysis` may be replaced by the analysis of the part of the message that asks; `claim` holds the stems of
    /// the last question when it was answered yes or no.
    func interpret(_ text: String, memory: UserMemory, analysis: inout Analysis, claim: [String] = []) -> Interpretation {
        let questionMark = Self.endsWithQuestionMark(text)
        var reading = scoped(pack.reader.read(analysis, questionMark: questionMark), analysis: analysis, text: text)
        // A language asked for anywhere in the message, before the part that asks is chosen (a sentence of its
        // own, "...? Please answer in Indonesian.", is left out of that part).
        let asked = pack.reader.languageSwitch(in: analysis.tokens, hashes: analysis.tokenHashes)
        refine(&analysis, &reading, text: text)
        // "ok in English: where does ...": the rest of the message is answered in the language asked for.
        var switched: Language?
        var requested: Language?
        // ("KOL artinya dalam bahasa Indonesia apa?" asks for a translation, not a switch.)
        let mayAskLanguage = asked != nil
            && (pack.reader.aspectNames.indices.contains(reading.aspect) ? pack.reader.aspectNames[reading.aspect] != "term" : true)
        if mayAskLanguage, let request = pack.reader.languageSwitch(in: analysis.tokens, hashes: analysis.tokenHashes) {
            var rest = analysis.tokens
            rest.removeSubrange(request.range)
            let restAnalysis = pack.analyzer.analyze(rest.joined(separator: " "))
            let restReading = scoped(pack.reader.read(restAnalysis, questionMark: questionMark), analysis: restAnalysis, text: text)
            // "the second one in English please": an ordinal is content too.
            // ("in English please, and the one before it?": a step along the differences is content too; "thanks" is not.)
            let step = restReading.move >= 0 && ["next", "previous"].contains(pack.followUpKinds[pack.moveIntents[restReading.move]])
            if restReading.hasContent || (restReading.ordinal != nil || step) && restReading.extraWords <= 1 {
                analysis = restAnalysis
                reading = restReading
                switched = request.language
            } else {
                requested = request.language
            }
        } else if mayAskLanguage, let asked, reading.hasContent || reading.ordinal != nil {
            switched = asked.language // asked in a sentence left out of the part that asks
        }
        // After a yes/no answer, a follow-up without a question word asks yes or no as well ("kalau Snapchat?").
        // So does "kalau TikTok?" after the platforms: is this one of them?
        let platformFollowUp = (reading.namedPlatform || reading.otherPlatform) && reading.forms.contains(.followUp)
            && reading.entity == nil && reading.extraWords == 0
            && memory.lastIntent >= 0 && pack.intentAspect[Int(memory.lastIntent)] == pack.reader.platformsAspect
        // ("yang ketiga?" picks an item, whatever was asked before.) So does a yes/no opener before nothing but the
        // other side: "do KOLs?", "influencer jg?" after "do influencers have a full-time job?".
        let sideOnly = (reading.forms.contains(.yesNo) || reading.forms.isEmpty) && reading.aspect < 0 && reading.extraWords == 0
            && reading.entity != nil && reading.entity != "both"
        // ("asdkjaskd": words the pack never saw, and nothing else, ask nothing of the last answer.)
        let onlyUnknown = !reading.hasContent && reading.forms.isEmpty && reading.unknownWords > 0 && reading.unknownWords == reading.extraWords
        let yesNoCarried = (memory.askedYesNo || platformFollowUp) && !onlyUnknown && !reading.forms.contains(.why) && reading.ordinal == nil
            && (!reading.forms.contains(.questionWord) || reading.questionWordInOpenerOnly)
            && (reading.forms.contains(.followUp) || !reading.hasContent || sideOnly)
        let understood = understand(analysis, reading, memory: memory, languageRequest: requested, yesNoCarried: yesNoCarried,
                                    claim: claim)
        return Interpretation(reading: reading, switched: switched, understood: understood)
    }

    /// `text` without the spans it quotes ('...', "...", “...”, ‘...’: a quote opening after a space or at the
    /// start, closing before a space, punctuation or the end), or nil when it quotes nothing. Cheap when
    /// `text` holds no quote mark.
    static func withoutQuotes(_ text: String) -> String? {
        // (A straight quote opens only at the start or after a space: "what's" and "KOL's" quote nothing.)
        let marks = text.withBytes { bytes in
            bytes.indices.contains { at in
                let byte = bytes[at]
                return byte == 0xE2 || (byte == 39 || byte == 34) && (at == 0 || bytes[at - 1] == 32)
            }
        }
        guard marks else { return nil }
        let closing: [Character: Character] = ["'": "'", "\"": "\"", "“": "”", "‘": "’"]
        var kept = ""
        var found = false
        var index = text.startIndex
        var previous: Character = " "
        while index < text.endIndex {
            let character = text[index]
            if let close = closing[character], previous.isWhitespace || previous.isPunctuation,
               let end = text[text.index(after: index)...].firstIndex(where: { $0 == close }),
               end > text.index(after: index) {
                let after = text.index(after: end)
                if after == text.endIndex || text[after].isWhitespace || text[after].isPunctuation {
                    found = true
                    kept.append(" ")
                    previous = " "
                    index = after
                    continue
                }
            }
            kept.append(character)
            previous = character
            index = text.index(after: index)
        }
        return found ? kept : nil
    }

    /// True when `text` ends with "?" (trailing spaces aside).
    static func endsWithQuestionMark(_ text: String) -> Bool {
        text.withBytes { bytes in
            for byte in bytes.reversed() {
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 { continue }
                return byte == 63
            }
            return false
        }
    }

    /// The intent the matcher ranked first for the last message it scored (-1 for none): the fallback
    /// intent here means the message resembles the out-of-scope training phrases.
    var matcherTopIntent: Int { lastMatcherTop }

    // MARK: - The user store

    func storeMemory(of user: String) -> UserMemory? { store.memory(of: user, now: clock.now()) }
    func replaceMemory(_ memory: UserMemory, for user: String) { store.store(memory, for: user) }
    func removeMemory(of user: String) { store.remove(user) }
    func allMemories() -> [(user: String, memory: UserMemory)] { store.all() }
    var memoryCount: Int { store.count }
    var memoryBytes: Int { store.approximateBytes }

    // MARK: - Deciding

    enum Decision {
        /// Answer with an intent (after follow-ups are resolved, never a follow-up intent except reset).
        case answer(intent: Int, confidence: Double)
        case fallback(confidence: Double)
        case clarify(first: Int, second: Int, confidence: Double)
    }

    /// Picks what to answer for one analysed message.
    /// `contextTopic` is the topic the conversation is about: a message that names no topic and matches
    /// an intent about the other topic is tried again as if it named the context topic ("terus artinya apa?").
    func decide(_ analysis: Analysis, contextTopic: String? = nil) -> Decision {
        guard !analysis.stems.isEmpty else { return .fallback(confidence: 1) }
        var scores = scorer.score(analysis.stems)
        lastMatcherTop = Int(scorer.ranked.first?.intent ?? -1)
        guard scores.best >= 0 else { return .fallback(confidence: 1) }
        let entities = analysis.entities
        if !isCompatible(scores.best, entities),
           let compatible = scorer.ranked.first(where: { isCompatible(Int($0.intent), entities) }) {
            scores = scorer.scores(choosing: Int(compatible.intent)) { !self.isCompatible($0, entities) }
        }
        if let contextTopic, contextTopic != "both", entities.topic == nil,
           let own = pack.intents[scores.best].slots.topic, own != "both", own != contextTopic {
            var enriched = analysis
            enriched.stems.append(contextTopic)
            enriched.entities.topic = contextTopic
            let own = lastMatcherTop
            let retry = decide(enriched)
            if case .answer = retry { return retry }
            lastMatcherTop = own // the ranking of the message itself, not of the retry
        }
        let confidence = pack.calibration.confidence(scores)
        let fallback = pack.fallbackIndex
        if scores.best == fallback { return .fallback(confidence: confidence) }
        if confidence < pack.settings.threshold { return .fallback(confidence: 1 - confidence) }
        let routed = route(scores.best, entities: analysis.entities)
        if routed == scores.best, scores.second >= 0, scores.second != fallback,
           pack.followUpKinds[scores.best] == nil, pack.followUpKinds[scores.second] == nil,
           Double(scores.bestScore - scores.secondScore) < pack.settings.margin,
           route(scores.second, entities: analysis.entities) != scores.best {
            return .clarify(first: scores.best, second: scores.second, confidence: confidence)
        }
        return .answer(intent: routed, confidence: confidence)
    }

    /// False when the message names a topic (KOL, influencer or both) and the intent is about another
    /// topic or about none (small talk); when the message names a topic and the intent is a follow-up that
    /// ignores topics ("maksudnya?"); or when the intent is a follow-up that needs a slot the message
    /// lacks ("kalau ...?" without a topic, "yang ...?" without an ordinal).
    func isCompatible(_ intent: Int, _ entities: Entities) -> Bool {
        let candidate = pack.intents[intent]
        if let kind = candidate.followUp {
            switch kind {
            case "topic": return entities.topic != nil
            case "ordinal": return entities.ordinal != nil
            default: return entities.topic == nil || !Self.topicBlindFollowUps.contains(kind)
            }
        }
        guard let topic = entities.topic, let own = candidate.slots.topic else { return true }
        // "none": small talk, not about either topic; a message naming both topics is not about one alone.
        if own == "none" { return false }
        return own == "both" || own == topic
    }

    private static let topicBlindFollowUps: Set<String> = ["example", "next", "previous", "repeat", "english", "indonesian"]

    /// Moves within an intent group to the member named by the message's ordinal or aspect.
    func route(_ intent: Int, entities: Entities) -> Int {
        let matched = pack.intents[intent]
        guard let group = matched.group else { return intent }
        if let ordinal = entities.ordinal {
            return member(of: group, where: { $0.ordinal == ordinal }) ?? intent
        }
        if let aspect = entities.aspect, matched.slots.aspect != aspect {
            return member(of: group, where: { $0.aspect == aspect }) ?? intent
        }
        return intent
    }

    private func member(of group: String, where predicate: (Slots) -> Bool) -> Int? {
        pack.intents.firstIndex { $0.group == group && predicate($0.slots) }
    }

    // MARK: - Rendering

    func render(_ decision: Decision, language: Language) -> Reply {
        switch decision {
        case .answer(let index, let confidence):
            var reply = pack.reply(of: index, in: language)
            // An intent without answers (a follow-up of an unknown kind) never answers with empty text.
            if reply.text.isEmpty { return render(.fallback(confidence: confidence), language: language) }
            reply.confidence = confidence
            reply.isFallback = false
            return reply
        case .fallback(let confidence):
            var reply = pack.reply(of: pack.fallbackIndex, in: language)
            reply.confidence = confidence
            reply.isFallback = true
            return reply
        case .clarify(let first, let second, let confidence):
            let a = question(of: pack.intents[first], language)
            let b = question(of: pack.intents[second], language)
            let template = pack.clarifyTemplate[language] ?? pack.clarifyTemplate[.indonesian] ?? "{a} / {b}?"
            let text = template.replacingPlaceholder("a", with: a).replacingPlaceholder("b", with: b)
            return Reply(text: text, intent: "clarify", confidence: confidence, language: language,
                         isFallback: true, suggestions: [a, b])
        }
    }

    private func question(of intent: Intent, _ language: Language) -> String {
        intent.question[language] ?? intent.question[.indonesian] ?? intent.name
    }
}

extension String {
    /// Replaces every `{key}` with `value` (a plain scan of the bytes: no Foundation, no pattern matching).
    func replacingPlaceholder(_ key: String, with value: String) -> String {
        let placeholder = Array(("{" + key + "}").utf8)
        let bytes = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + value.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == placeholder[0], index + placeholder.count <= bytes.count,
               bytes[index..<(index + placeholder.count)].elementsEqual(placeholder) {
                result.append(contentsOf: value.utf8)
                index += placeholder.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
