import Foundation
import Yams

/// A fact of the article: its id (as in facts.md) and a one-line summary.
public struct Fact: Sendable, Equatable {
    /// E.g. `F-kol-1`.
    public let id: String
    /// One line in English.
    public let summary: String
}

/// The bot's knowledge, read from a directory of YAML files (`pack.yaml`, `facts.yaml`,
/// `lexicon.yaml`, `entities.yaml`, `understanding.yaml`, `yesno.yaml`, `intents/*.yaml`) and compiled for
/// matching and understanding. Immutable; share freely.
public struct KnowledgePack: Sendable {
    /// The directory the pack was loaded from.
    public let directory: String
    /// The pack's name.
    public let name: String
    /// The citation of the article, per language.
    public let source: [Language: String]
    /// Every intent, in file order.
    public let intents: [Intent]
    /// The facts answers may cite.
    public let facts: [Fact]
    /// Matcher threshold, margin and feature weights.
    public let settings: MatcherSettings
    /// The fitted confidence model.
    public let calibration: Calibration
    /// The name of the intent used for out-of-scope questions.
    public let fallbackIntent: String
    /// Clarification templates per language, with `{a}` and `{b}` for the two questions.
    public let clarifyTemplate: [Language: String]
    /// Follow-up targets used when the conversation gives none: kind (`topic`, `example`) -> key -> intent;
    /// `start` and `empty` under kind `default`.
    public let followUpDefaults: [String: [String: String]]
    /// Topic names of the entities, sorted (the engine stores their positions).
    public let topicNames: [String]
    /// Aspect names of `understanding.yaml`, in file order.
    public let aspectNames: [String]
    /// The refusal that names the unknown thing asked about ("apa itu X"), per language, with `{x}`.
    public let fallbackNamed: [Language: String]

    let analyzer: Analyzer
    let reader: Reader
    let routes: RouteTable
    /// The intent answering where the answers come from (the route of the `source` aspect), nil for none.
    let sourceIntent: Int?
    /// The intent answering which platforms are used when no side is named (the route of the `platforms` aspect).
    let platformsIntent: Int?
    let claims: YesNoClaims
    /// The intent each conversation move of the reader answers with.
    let moveIntents: [Int]
    /// Tables derived from the intents for the hot path (no `Intent` copies, no dictionary lookups by name).
    /// The fallback intent's index.
    let fallbackIndex: Int
    /// Per intent: small talk, a question about the bot or its source, or a follow-up (not content of the article).
    let isMeta: [Bool]
    /// Per intent: the index of its aspect among ``aspectNames``, -1 for none.
    let intentAspect: [Int]
    /// Per intent: its follow-up kind (nil for content), its topic as an index of ``topicNames`` (-1: none
    /// named, -2: named but not a topic, e.g. `none`), its ordinal (0 for none). Read on every question, so
    /// kept apart from the `Intent` values.
    let followUpKinds: [String?]
    let intentTopic: [Int]
    let intentOrdinal: [Int]
    /// Follow-up kind -> the follow-up intent of that kind.
    let followUpIntent: [String: Int]
    /// Ordinal -> the difference intent of that position.
    let differenceIntent: [Int: Int]
    /// Per intent and language (index `intent * Language.allCases.count + language`): the reply without its
    /// confidence, rendered once.
    let replies: [Reply]
    /// Per reply of ``replies`` and verdict (in `Polarity.allCases` order): its text led by the verdict.
    let ledTexts: [String]
    let index: MatcherIndex
    let intentIndex: [String: Int]
    /// For each training phrase of the index: its intent index, language and text.
    let trainingPhrases: [TrainingPhrase]

    struct TrainingPhrase: Sendable {
        var intent: Int
        var language: Language
        var text: String
        var stems: [String]
    }

    /// Loads the pack from `directory` (e.g. "Intents").
    /// Throws a ``PackError`` naming the path when a file is missing or invalid.
    public static func load(directory: String) throws -> KnowledgePack {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PackError(path: directory, reason: "no such directory")
        }
        let base = URL(fileURLWithPath: directory)
        let pack: PackSpec = try decode(base.appendingPathComponent("pack.yaml"))
        let facts: FactsSpec = try decode(base.appendingPathComponent("facts.yaml"))
        let lexiconSpec: LexiconSpec = try decode(base.appendingPathComponent("lexicon.yaml"))
        let entities: EntitiesSpec = try decode(base.appendingPathComponent("entities.yaml"))
        let understanding: UnderstandingSpec = try decode(base.appendingPathComponent("understanding.yaml"))
        let yesNo: YesNoSpec = try decode(base.appendingPathComponent("yesno.yaml"))
        let intentsDirectory = base.appendingPathComponent("intents")
        let files = try yamlFiles(in: intentsDirectory)
        guard !files.isEmpty else { throw PackError(path: intentsDirectory.path, reason: "no intent files") }
        var specs: [IntentSpec] = []
        for file in files {
            let spec: IntentFileSpec = try decode(file)
            specs.append(contentsOf: spec.intents)
        }
        let lexicon = Lexicon(spec: lexiconSpec)
        let words = vocabulary(specs, lexiconSpec, entities) + (understanding.topicTexts + yesNo.allTexts).flatMap(TextCleaner.tokens)
        let analyzer = Analyzer(
            lexicon: lexicon, recognizer: try EntityRecognizer(spec: entities, lexicon: lexicon),
            corrector: SpellingCorrector(words: words, knownOnly: understanding.foreign.flatMap(TextCleaner.tokens)))
        let reader = try Reader(spec: understanding, lexicon: lexicon, recognizer: analyzer.recognizer, corrector: analyzer.corrector)
        return try KnowledgePack(
            directory: directory, pack: pack, facts: facts, analyzer: analyzer, reader: reader, specs: specs,
            topics: entities.topic.keys.sorted(), understanding: understanding, yesNo: yesNo)
    }

    private init(
        directory: String, pack: PackSpec, facts: FactsSpec, analyzer: Analyzer, reader: Reader, specs: [IntentSpec],
        topics: [String], understanding: UnderstandingSpec, yesNo: YesNoSpec
    ) throws {
        topicNames = topics
        aspectNames = reader.aspectNames
        self.reader = reader
        fallbackNamed = Self.localized(pack.fallbackNamed ?? .init())
        followUpDefaults = [
            "topic": pack.followups.topic, "example": pack.followups.example,
            "default": ["start": pack.followups.start, "empty": pack.followups.empty],
        ]
        self.directory = directory
        name = pack.name
        source = Self.localized(pack.source)
        self.facts = facts.facts.map { Fact(id: $0.id, summary: $0.summary) }
        settings = pack.matcher
        fallbackIntent = pack.fallbackIntent
        clarifyTemplate = Self.localized(pack.clarify)
        self.analyzer = analyzer
        var intents: [Intent] = []
        var intentIndex: [String: Int] = [:]
        var training: [TrainingPhrase] = []
        for spec in specs {
            if intentIndex[spec.name] != nil {
                throw PackError(path: directory, reason: "intent \(spec.name) is defined twice")
            }
            let intent = Intent(
                name: spec.name,
                question: Self.localized(spec.question ?? .init()),
                group: spec.group,
                slots: Slots(topic: spec.slots?.topic, aspect: spec.slots?.aspect, ordinal: spec.slots?.ordinal),
                facts: spec.facts ?? [],
                phrases: [.indonesian: spec.phrases?.id ?? [], .english: spec.phrases?.en ?? []],
                answers: Self.localized(spec.answers ?? .init()),
                suggestions: spec.suggestions ?? [],
                followUp: spec.followup,
                then: spec.then ?? [:]
            )
            let position = intents.count
            intentIndex[spec.name] = position
            intents.append(intent)
            for language in Language.allCases {
                for text in intent.phrases[language] ?? [] {
                    let stems = analyzer.analyze(text).stems
                    training.append(TrainingPhrase(intent: position, language: language, text: text, stems: stems))
                }
            }
        }
        guard intentIndex[pack.fallbackIntent] != nil else {
            throw PackError(path: directory + "/pack.yaml", reason: "fallback intent \(pack.fallbackIntent) is not defined")
        }
        self.intents = intents
        self.intentIndex = intentIndex
        fallbackIndex = intentIndex[pack.fallbackIntent] ?? -1
        isMeta = intents.map { $0.followUp != nil || $0.slots.topic == "none" }
        intentAspect = intents.map { intent in intent.slots.aspect.flatMap(reader.aspectIndex) ?? -1 }
        followUpKinds = intents.map(\.followUp)
        intentTopic = intents.map { intent in intent.slots.topic.map { topics.firstIndex(of: $0) ?? -2 } ?? -1 }
        intentOrdinal = intents.map { $0.slots.ordinal ?? 0 }
        var followUpIntent: [String: Int] = [:]
        var differenceIntent: [Int: Int] = [:]
        for (index, intent) in intents.enumerated() {
            if let kind = intent.followUp, followUpIntent[kind] == nil { followUpIntent[kind] = index }
            if intent.group == "difference", let ordinal = intent.slots.ordinal, differenceIntent[ordinal] == nil {
                differenceIntent[ordinal] = index
            }
        }
        self.followUpIntent = followUpIntent
        self.differenceIntent = differenceIntent
        replies = Self.render(intents, intentIndex: intentIndex, source: Self.localized(pack.source), fallback: pack.fallbackIntent)
        moveIntents = try reader.moveIntents.map { name in
            guard let index = intentIndex[name] else {
                throw PackError(path: directory + "/understanding.yaml", reason: "move answers with unknown intent \(name)")
            }
            return index
        }
        routes = try RouteTable(spec: understanding.routes, aspects: reader.aspectNames, intents: intentIndex, topics: topics)
        sourceIntent = reader.sourceAspect >= 0 ? routes.intent(entity: nil, aspect: reader.sourceAspect, forms: []) : nil
        platformsIntent = reader.platformsAspect >= 0 ? routes.intent(entity: nil, aspect: reader.platformsAspect, forms: []) : nil
        claims = try YesNoClaims(spec: yesNo, intents: intentIndex, topics: topics, tagVerbs: understanding.forms.yesno.gapped?.verbs ?? []) { text in
            analyzer.lexicon.apply(TextCleaner.tokens(text)).map(analyzer.lexicon.stemmer.stem)
        }
        var ledTexts: [String] = []
        ledTexts.reserveCapacity(replies.count * Polarity.allCases.count)
        for reply in replies {
            for polarity in Polarity.allCases {
                let lead = claims.leads[polarity.rawValue]?[reply.language] ?? ""
                ledTexts.append(lead.isEmpty ? reply.text : lead + " " + reply.text)
            }
        }
        self.ledTexts = ledTexts
        trainingPhrases = training
        var groups: [String: Int32] = [:]
        let intentGroup = intents.map { intent in
            intent.group.map { name in groups[name] ?? { groups[name] = Int32(groups.count); return Int32(groups.count - 1) }() } ?? -1
        }
        let index = MatcherIndex(
            phrases: training.map(\.stems), intents: training.map { Int32($0.intent) },
            intentGroup: intentGroup, settings: pack.matcher)
        self.index = index
        calibration = Self.calibrate(
            index: index, training: training, fallback: intentIndex[pack.fallbackIntent] ?? -1,
            unseenWeight: pack.matcher.unseenWeight)
    }

    /// Every intent's reply in every language, rendered once: the answer text, the suggested questions,
    /// the source and the facts.
    private static func render(_ intents: [Intent], intentIndex: [String: Int], source: [Language: String], fallback: String) -> [Reply] {
        var replies: [Reply] = []
        replies.reserveCapacity(intents.count * Language.allCases.count)
        for intent in intents {
            for language in Language.allCases {
                func question(of name: String) -> String? {
                    guard let index = intentIndex[name] else { return nil }
                    return intents[index].question[language] ?? intents[index].question[.indonesian] ?? name
                }
                replies.append(Reply(
                    text: intent.answers[language] ?? intent.answers[.indonesian] ?? "", intent: intent.name, confidence: 0,
                    language: language, isFallback: intent.name == fallback,
                    suggestions: intent.suggestions.compactMap(question(of:)),
                    source: intent.facts.isEmpty ? nil : source[language], facts: intent.facts))
            }
        }
        return replies
    }

    /// The rendered reply of intent `index` in `language`, without its confidence.
    func reply(of index: Int, in language: Language) -> Reply {
        replies[index * Language.allCases.count + (language == .indonesian ? 0 : 1)]
    }

    /// The text of intent `index` in `language` led by the verdict `polarity` ("Ya. …"), rendered once.
    func ledText(of index: Int, in language: Language, polarity: Polarity) -> String {
        let position: Int
        switch polarity {
        case .yes: position = 0
        case .no: position = 1
        case .unknown: position = 2
        }
        return ledTexts[(index * Language.allCases.count + (language == .indonesian ? 0 : 1)) * 3 + position]
    }

    /// The intent called `name`.
    public func intent(named name: String) -> Intent? {
        intentIndex[name].map { intents[$0] }
    }

    /// Approximate bytes held by the compiled matcher tables.
    public var matcherBytes: Int { index.approximateBytes }

    /// Fits the confidence model: each training phrase scored without itself (right or wrong), and
    /// without its whole intent (always wrong). For out-of-scope phrases the latter is exactly an
    /// out-of-scope question meeting the in-scope intents (full weight); for in-scope phrases it stands
    /// for an unseen question (weight `unseenWeight`).
    private static func calibrate(index: MatcherIndex, training: [TrainingPhrase], fallback: Int, unseenWeight: Double) -> Calibration {
        let scorer = Scorer(index: index, outOfScopeIntent: fallback)
        var samples: [Calibration.Sample] = []
        samples.reserveCapacity(training.count * 2)
        for (position, phrase) in training.enumerated() {
            let own = scorer.score(phrase.stems, excludingPhrase: position)
            samples.append(.init(scores: own, correct: own.best == phrase.intent))
            let unseen = scorer.score(phrase.stems, excludingIntent: phrase.intent)
            samples.append(.init(scores: unseen, correct: false, weight: phrase.intent == fallback ? 1 : unseenWeight))
        }
        // The fit balances right and wrong; shift it back to how often a leave-one-out answer is right.
        var calibration = Calibration.fit(samples)
        let own = stride(from: 0, to: samples.count, by: 2).map { samples[$0] }
        let prior = Double(own.filter(\.correct).count) / Double(max(own.count, 1))
        if prior > 0, prior < 1 { calibration.bias += log(prior / (1 - prior)) }
        return calibration
    }

    private static func localized(_ spec: LocalizedTextSpec) -> [Language: String] {
        var result: [Language: String] = [:]
        if let id = spec.id { result[.indonesian] = id }
        if let en = spec.en { result[.english] = en }
        return result
    }

    /// Every word of the training phrases, the lexicon and the entities: what typos are corrected to.
    private static func vocabulary(_ specs: [IntentSpec], _ lexicon: LexiconSpec, _ entities: EntitiesSpec) -> [String] {
        var texts: [String] = []
        for spec in specs { texts += (spec.phrases?.id ?? []) + (spec.phrases?.en ?? []) }
        texts += lexicon.replace.keys.sorted() + lexicon.replace.values.sorted() + lexicon.drop + lexicon.keep
        for (canonical, variants) in lexicon.synonyms.sorted(by: { $0.key < $1.key }) { texts += [canonical] + variants }
        for group in [entities.topic, entities.ordinal, entities.platform] {
            for words in group.values { texts += words }
        }
        return texts.flatMap(TextCleaner.tokens)
    }

    static func yamlFiles(in directory: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw PackError(path: directory.path, reason: "cannot list directory")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    static func decode<T: Decodable>(_ url: URL) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PackError(path: url.path, reason: "missing or unreadable file")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: String(decoding: data, as: UTF8.self))
        } catch {
            throw PackError(path: url.path, reason: "invalid: \(error)")
        }
    }
}
