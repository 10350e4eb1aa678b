/// Reads a message compositionally with the vocabularies of `understanding.yaml`: the entity it names,
/// the heaviest aspect, the question forms and the out-of-scope signs (see ``Reading``).
/// Cue words are normalised like messages (lexicon, then affix stripping), so their inflections match.
final class Reader: Sendable {
    /// One thing a run of stems stands for.
    enum Cue: Sendable, Hashable {
        case aspect(Int, weight: Int16, strong: Bool)
        case move(Int)
        /// Consumes its words and names nothing ("menurut artikel").
        case qualifier
        case foreign
        case otherPlatform
        /// Points back to the last answer's aspect ("di situ", "on that point").
        case anaphor
        /// Names the side the last answer was not about ("the other side", "kebalikannya").
        case otherSide
    }

    static let strongWeight: Int16 = 3
    static let cueWeight: Int16 = 2
    static let weakWeight: Int16 = 1
    static let foreignWeight: Int16 = 3
    /// Aspect weights are summed in a fixed-size vector; a pack may define at most this many aspects.
    static let maximumAspects = 32
    /// Move counts likewise.
    static let maximumMoves = 16

    let aspectNames: [String]
    /// The moves' names and the intents they answer with, in file order.
    let moveNames: [String]
    let moveIntents: [String]
    /// Aspects whose intents the matcher may choose without a cue in the message.
    let matcherAspects: Set<String>
    /// The index of the `examples` aspect, -1 when the pack has none.
    let examplesAspect: Int
    /// The indices of the `definition` and `term` aspects, -1 when the pack has none.
    let definitionAspect: Int
    let termAspect: Int
    let platformsAspect: Int
    let mediaAspect: Int
    let commonAspect: Int
    let sourceAspect: Int
    let reasonsAspect: Int
    let trustAspect: Int
    let differenceAspect: Int
    /// Bit `b` of `neighbours[a]` set: aspects `a` and `b` share words (see ``UnderstandingSpec/aspectNeighbours``).
    let neighbours: [UInt32]
    /// The index of the `greeting` move, nil when the pack has none.
    let greetingMove: Int?
    /// Bit `m` set: move `m` closes a conversation (`thanks`, `goodbye`).
    let closingMoves: UInt16
    /// The index of the `crossover` aspect ("KOL jadi influencer"), -1 when the pack has none.
    let crossoverAspect: Int
    /// Aspects answered even beside out-of-scope words (`covers_unknown`).
    let coversUnknown: Set<Int>
    /// Cue texts listed twice for the same cue (`kolbot intents check` reports them).
    let repeatedCues: [String]
    /// Cue texts listed both as out of scope and as an aspect's or a move's (`kolbot intents check` reports them:
    /// one of the two lists is dead or wrong).
    let conflictingCues: [String]
    private let cues: PhraseTable<[Cue]>
    private let forms: PhraseTable<QuestionForms>
    private let followUpOpeners: PhraseTable<Bool>
    private let yesNoFirst: PhraseTable<Bool>
    private let reasonOpeners: PhraseTable<Bool>
    /// "translate", and what after it names the bot's own words ("that", "jawabannya"): see ``TranslationSpec``.
    private let translateVerbs: WordSet
    private let translateOwn: WordSet
    private let yesNoLast: PhraseTable<Bool>
    private let yesNoAfterFollowUp: PhraseTable<Bool>
    private let requests: WordSet
    /// "need", "have to" after "do you": a question about anyone, not a request.
    private let genericAfterRequest: PhraseTable<Bool>
    /// "ada ... gak", "bisa ... nggak": a verb and a negation tag a word or two after it.
    private let gappedVerbs: WordSet
    private let gappedTags: WordSet
    /// "either" before "or": one yes/no question, no choice.
    private let eitherWords: WordSet
    private let choices: WordSet
    /// After a yes/no opener, "or" makes a choice only before one of these (or a side).
    private let contrasts: WordSet
    /// Words that name one side of an aspect ("sisi", "side").
    private let sideWords: WordSet
    private let stepsAfter: WordSet
    private let likeness: WordSet
    private let acknowledgements: WordSet
    private let stepsBefore: WordSet
    /// Kinds of a side the article does not describe ("micro", "nano"), next to a side's name.
    private let sideQualifiers: WordSet
    /// Words that join the two things compared ("than", "dengan", "vs").
    private let comparisonLinks: WordSet
    /// "different" before a noun ("different regions"): it describes, it does not compare.
    private let compareAdjectives: WordSet
    /// Nouns that name an aspect, as written and with "-nya" (see ``UnderstandingSpec/topicNouns``).
    private let topicNouns: WordSet
    /// "jelaskan", "explain" (see ``UnderstandingSpec/topicRequests``).
    private let topicRequests: WordSet
    /// The pack's lexicon, for the rare word read both before and after it.
    private let lexicon: Lexicon
    /// Articles skipped after "or" ("a KOL or an influencer").
    private static let articles: Set<String> = ["a", "an", "the", "si", "sang", "seorang", "para", "yang"]
    /// Single-word yes/no tags ("tidak", "not"): after a choice word they make "or not", not a choice.
    private let negations: WordSet
    private let fillers: WordSet
    /// Grammar words and single-word form cues, as lexicon words and as stems: never content.
    private let functionWords: WordSet
    private let pronouns: WordSet
    private let singularPronouns: WordSet
    private let firstPerson: WordSet
    private let secondPerson: WordSet
    private let aboutWords: WordSet
    private let concessives: PhraseTable<Bool>
    private let predicates: WordSet
    /// "jadi", "become", "get to be": said by the user of themselves before a side, how to become one.
    private let becoming: PhraseTable<Bool>
    private let becomingSubjects: WordSet
    /// "mana yang", "which" and "lebih", "more" (words as written): asked together, a comparison of the sides.
    private let whichPhrases: PhraseTable<Bool>
    private let comparatives: WordSet
    /// Titles before a name ("dr", "prof"), and the words after which a title starts the subject ("apakah").
    let titles: Set<String>
    let titleSubjectOpeners: Set<String>

    /// True when `tokens` hold a phrase asking which one ("which", "mana yang"; "di mana" asks where).
    private func asksWhich(_ tokens: [String]) -> Bool {
        tokens.indices.contains { whichPhrases.longestMatch(in: tokens, at: $0) != nil }
    }
    /// "siapa", "who" and "paling", "most": asked together, a ranking of people.
    private let rankingAskers: WordSet
    /// Superlatives as written, as phrases ("nomor satu", not "satu"; the lexicon would make it "pertama"): true for
    /// a full one, false for a quantifier ("most").
    private let superlatives: PhraseTable<Bool>
    /// "which" (before a kind) and "mana" (after one): asked with a superlative, a ranking of things.
    private let kindBefore: WordSet
    private let kindAfter: WordSet
    /// "siapa", "who": before two words the pack never saw, a name asked about.
    private let nameAskers: WordSet
    /// "karena", "because": cues after it give a reason and count as weak ones.
    private let because: WordSet
    /// Which of the word lists read on every word (fillers, pronouns, function words, side words) hold a word:
    /// one probe instead of one per list (a small table: the vocabulary is not in it).
    private let classes: WordBitsTable
    private let switches: PhraseTable<Language>
    /// "eh maksudku", "I mean": what follows corrects what came before.
    private let corrections: PhraseTable<Bool>
    private let framesBefore: PhraseTable<Bool>
    private let framesAfter: PhraseTable<Bool>
    private let frameIgnore: WordSet
    /// "di", "on": a side's setting in a definition frame ("what is an influencer on social media?").
    private let frameSettings: WordSet
    /// Names (as written) the article mentions but never defines.
    private let undefinedNames: WordSet
    let recognizer: EntityRecognizer
    let corrector: SpellingCorrector

    init(spec: UnderstandingSpec, lexicon: Lexicon, recognizer: EntityRecognizer, corrector: SpellingCorrector) throws {
        guard spec.aspects.count <= Self.maximumAspects else {
            throw PackError(path: "understanding.yaml", reason: "more than \(Self.maximumAspects) aspects")
        }
        guard spec.moves.count <= Self.maximumMoves else {
            throw PackError(path: "understanding.yaml", reason: "more than \(Self.maximumMoves) moves")
        }
        matcherAspects = Set(spec.matcherAspects)
        moveNames = spec.moves.map(\.name)
        moveIntents = spec.moves.map(\.intent)
        greetingMove = moveNames.firstIndex(of: "greeting")
        let moveNames = spec.moves.map(\.name)
        closingMoves = moveNames.indices.reduce(0) { ["thanks", "goodbye"].contains(moveNames[$1]) ? $0 | 1 << UInt16($1) : $0 }
        self.recognizer = recognizer
        self.corrector = corrector
        aspectNames = spec.aspects.map(\.name)
        examplesAspect = aspectNames.firstIndex(of: "examples") ?? -1
        definitionAspect = aspectNames.firstIndex(of: "definition") ?? -1
        termAspect = aspectNames.firstIndex(of: "term") ?? -1
        platformsAspect = aspectNames.firstIndex(of: "platforms") ?? -1
        mediaAspect = aspectNames.firstIndex(of: "media") ?? -1
        commonAspect = aspectNames.firstIndex(of: "common") ?? -1
        sourceAspect = aspectNames.firstIndex(of: "source") ?? -1
        reasonsAspect = aspectNames.firstIndex(of: "reasons") ?? -1
        trustAspect = aspectNames.firstIndex(of: "trust") ?? -1
        differenceAspect = aspectNames.firstIndex(of: "difference") ?? -1
        let names = spec.aspects.map(\.name)
        var neighbours = [UInt32](repeating: 0, count: names.count)
        for pair in spec.aspectNeighbours ?? [] {
            let indices = pair.compactMap { names.firstIndex(of: $0) }
            for a in indices { for b in indices where a != b { neighbours[a] |= 1 << UInt32(b) } }
        }
        self.neighbours = neighbours
        crossoverAspect = aspectNames.firstIndex(of: "crossover") ?? -1
        coversUnknown = Set(spec.aspects.indices.filter { spec.aspects[$0].coversUnknown ?? false })
        func normalised(_ text: String) -> [String] {
            lexicon.apply(TextCleaner.tokens(text)).map(lexicon.stemmer.stem)
        }
        var cues = PhraseTable<[Cue]>()
        var listed: Set<Pair> = []
        var repeated: [String] = []
        var outOfScope: Set<String> = [], ofTopic: Set<String> = []
        func add(_ texts: [String], _ cue: Cue) {
            for text in texts {
                let lowered = text.lowercased()
                if !listed.insert(Pair(text: lowered, cue: cue)).inserted { repeated.append(text) }
                switch cue {
                case .foreign: outOfScope.insert(lowered)
                case .aspect, .move: ofTopic.insert(lowered)
                default: break
                }
                let key = normalised(text)
                guard !key.isEmpty else { continue }
                var values = cues.value(for: key.joined(separator: " ")) ?? []
                // Two words of one aspect may meet in one key through the lexicon ("rujukan" -> "sumber"):
                // the heavier counts, once.
                if case .aspect(let aspect, let weight, _) = cue,
                   let existing = values.firstIndex(where: { if case .aspect(aspect, _, _) = $0 { return true }; return false }) {
                    if case .aspect(_, let old, _) = values[existing], old < weight { values[existing] = cue }
                } else if !values.contains(cue) {
                    values.append(cue)
                }
                cues.insert(key, value: values)
            }
        }
        for (index, aspect) in spec.aspects.enumerated() {
            add(aspect.weak ?? [], .aspect(index, weight: Self.weakWeight, strong: false))
            add(aspect.cues ?? [], .aspect(index, weight: Self.cueWeight, strong: false))
            add(aspect.strong ?? [], .aspect(index, weight: Self.strongWeight, strong: true))
        }
        for (index, move) in spec.moves.enumerated() { add(move.cues, .move(index)) }
        add(spec.qualifiers, .qualifier)
        add(spec.foreign, .foreign)
        add(spec.otherRoles ?? [], .foreign)
        add(spec.otherPlatforms, .otherPlatform)
        add(spec.aspectAnaphora ?? [], .anaphor)
        add(spec.otherSide ?? [], .otherSide)
        repeatedCues = repeated
        conflictingCues = outOfScope.intersection(ofTopic).sorted()
        if let platforms = aspectNames.firstIndex(of: "platforms") {
            add(spec.otherPlatforms, .aspect(platforms, weight: Self.cueWeight, strong: false))
        }
        self.cues = cues

        func table<Value>(_ texts: [String], _ value: Value) -> PhraseTable<Value> {
            var table = PhraseTable<Value>()
            for text in texts { table.insert(TextCleaner.tokens(text), value: value) }
            return table
        }
        var forms = PhraseTable<QuestionForms>()
        var formLists: [([String], QuestionForms)] = [
            (spec.forms.why, .why), (spec.forms.how, .how), (spec.forms.definition, .definition),
            (spec.forms.list, .list), (spec.forms.compare, .compare), (spec.forms.compareNouns, [.compare, .compareNoun]),
            (spec.forms.definitionNouns ?? [], [.definition, .definitionNoun]),
            (spec.forms.where, .where),
            (spec.forms.questionWords, .questionWord), (spec.forms.yesno.anywhere, .yesNo),
        ]
        // "kapan", and "when" before a yes/no opener ("when did"), ask when; "kapan saja" (any time) does not.
        if let when = spec.forms.when {
            formLists.append((when.anywhere, .when))
            formLists.append((when.beforeOpener.flatMap { word in spec.forms.yesno.first.map { word + " " + $0 } }, .when))
            formLists.append((when.anywhere.flatMap { word in when.notBefore.map { word + " " + $0 } }, []))
        }
        // A cue holding a question word ("what is", "kenapa sih") also marks the question word, which a
        // longer cue would otherwise hide.
        let questionWords = Set(spec.forms.questionWords.flatMap(TextCleaner.tokens))
        for (texts, form) in formLists {
            for text in texts {
                let key = TextCleaner.tokens(text)
                guard !key.isEmpty else { continue }
                var value = (forms.value(for: key.joined(separator: " ")) ?? []).union(form)
                if key.contains(where: questionWords.contains) { value.insert(.questionWord) }
                forms.insert(key, value: value)
            }
        }
        self.forms = forms
        followUpOpeners = table(spec.forms.followup, true)
        yesNoFirst = table(spec.forms.yesno.first, true)
        reasonOpeners = table(spec.forms.yesno.reason ?? [], true)
        yesNoLast = table(spec.forms.yesno.last, true)
        yesNoAfterFollowUp = table(spec.forms.yesno.afterFollowup ?? [], true)
        requests = WordSet(spec.forms.yesno.requests.flatMap(TextCleaner.tokens))
        genericAfterRequest = table(spec.forms.yesno.generic ?? [], true)
        gappedVerbs = WordSet((spec.forms.yesno.gapped?.verbs ?? []).flatMap(TextCleaner.tokens))
        eitherWords = WordSet((spec.forms.yesno.either ?? []).flatMap(TextCleaner.tokens))
        gappedTags = WordSet((spec.forms.yesno.gapped?.tags ?? []).flatMap(TextCleaner.tokens))
        choices = WordSet(spec.forms.yesno.choice.flatMap(TextCleaner.tokens))
        contrasts = WordSet((spec.forms.yesno.contrasts ?? []).flatMap(TextCleaner.tokens))
        sideWords = WordSet((spec.sideWords ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        acknowledgements = WordSet((spec.acknowledgements ?? []).flatMap(TextCleaner.tokens))
        likeness = WordSet((spec.likeness ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        stepsAfter = WordSet((spec.relativeSteps?["next"] ?? []).flatMap(TextCleaner.tokens))
        stepsBefore = WordSet((spec.relativeSteps?["previous"] ?? []).flatMap(TextCleaner.tokens))
        sideQualifiers = WordSet((spec.sideQualifiers ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        comparisonLinks = WordSet((spec.forms.comparisonLinks ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        compareAdjectives = WordSet((spec.forms.compareAdjectives ?? []).flatMap(TextCleaner.tokens))
        negations = WordSet(spec.forms.yesno.last.map(TextCleaner.tokens).filter { $0.count == 1 }.map { $0[0] })
        fillers = WordSet(spec.fillers.flatMap(TextCleaner.tokens))
        var grammar = WordSet([])
        let singleFormWords = spec.forms.allTexts.map(TextCleaner.tokens).filter { $0.count == 1 }.map { $0[0] }
        for word in spec.functionWords + spec.fillers + singleFormWords + spec.definitionFrames.ignore {
            for token in lexicon.apply(TextCleaner.tokens(word)) {
                grammar.insert(token)
                grammar.insert(lexicon.stemmer.stem(token))
            }
        }
        functionWords = grammar
        pronouns = WordSet(spec.pronouns.flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        singularPronouns = WordSet((spec.singularPronouns ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        firstPerson = WordSet((spec.firstPerson ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        secondPerson = WordSet((spec.secondPerson ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        aboutWords = WordSet((spec.aboutWords ?? []).flatMap(TextCleaner.tokens))
        concessives = table(spec.concessive ?? [], true)
        // As written too: the unknown-subject check reads raw tokens ("raffi ahmad tuh ...").
        predicates = WordSet(spec.predicates.flatMap { TextCleaner.tokens($0) + lexicon.apply(TextCleaner.tokens($0)) })
        var becoming = PhraseTable<Bool>()
        for text in spec.becoming?.phrases ?? [] { becoming.insert(lexicon.apply(TextCleaner.tokens(text)), value: true) }
        self.becoming = becoming
        var whichPhrases = PhraseTable<Bool>()
        for text in spec.whichMore?.which ?? [] { whichPhrases.insert(TextCleaner.tokens(text), value: true) }
        self.whichPhrases = whichPhrases
        comparatives = WordSet((spec.whichMore?.more ?? []).flatMap(TextCleaner.tokens))
        titles = Set((spec.names?.titles ?? []).flatMap(TextCleaner.tokens))
        titleSubjectOpeners = Set((spec.names?.subjectOpeners ?? []).flatMap(TextCleaner.tokens))
        rankingAskers = WordSet((spec.rankings?.askers ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        kindBefore = WordSet((spec.rankings?.kindBefore ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        kindAfter = WordSet((spec.rankings?.kindAfter ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        nameAskers = WordSet((spec.names?.askers ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        translateVerbs = WordSet((spec.translations?.verbs ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        translateOwn = WordSet((spec.translations?.own ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        var superlatives = PhraseTable<Bool>()
        for text in spec.rankings?.superlatives ?? [] { superlatives.insert(TextCleaner.tokens(text), value: true) }
        for text in spec.rankings?.quantifiers ?? [] { superlatives.insert(TextCleaner.tokens(text), value: false) }
        self.superlatives = superlatives
        because = WordSet((spec.because ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        topicNouns = WordSet((spec.topicNouns ?? []).flatMap(TextCleaner.tokens).flatMap { [$0, $0 + "nya"] })
        topicRequests = WordSet((spec.topicRequests ?? []).flatMap(TextCleaner.tokens))
        self.lexicon = lexicon
        becomingSubjects = WordSet((spec.becoming?.subjects ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        var switches = PhraseTable<Language>()
        for (code, texts) in spec.languageSwitch.sorted(by: { $0.key < $1.key }) {
            guard let language = Language(rawValue: code) else {
                throw PackError(path: "understanding.yaml", reason: "unknown language \(code) in language_switch")
            }
            for text in texts { switches.insert(TextCleaner.tokens(text), value: language) }
        }
        self.switches = switches
        var corrections = PhraseTable<Bool>()
        for text in spec.corrections ?? [] { corrections.insert(TextCleaner.tokens(text), value: true) }
        self.corrections = corrections
        framesBefore = table(spec.definitionFrames.before, true)
        framesAfter = table(spec.definitionFrames.after, true)
        frameIgnore = WordSet(spec.definitionFrames.ignore.flatMap(TextCleaner.tokens))
        frameSettings = WordSet((spec.definitionFrames.settings ?? []).flatMap { lexicon.apply(TextCleaner.tokens($0)) })
        undefinedNames = WordSet((spec.definitionFrames.undefined ?? []).flatMap(TextCleaner.tokens))
        var classes = WordBitsTable()
        let lists: [(WordSet, WordClasses)] = [
            (fillers, .filler), (pronouns, .pronoun), (singularPronouns, .singularPronoun), (functionWords, .functionWord),
            (sideWords, .sideWord), (sideQualifiers, .sideQualifier),
        ]
        for (list, kind) in lists {
            for word in list.elements { classes.insert(word, bits: kind.rawValue) }
        }
        self.classes = classes
    }

    /// The lists of ``classes``.
    struct WordClasses: OptionSet {
        let rawValue: UInt32
        static let filler = WordClasses(rawValue: 1 << 0)
        static let pronoun = WordClasses(rawValue: 1 << 1)
        static let singularPronoun = WordClasses(rawValue: 1 << 2)
        static let functionWord = WordClasses(rawValue: 1 << 3)
        static let sideWord = WordClasses(rawValue: 1 << 4)
        static let sideQualifier = WordClasses(rawValue: 1 << 5)
    }

    /// The lists that hold `word` (whose ``WordHash`` is `hash`).
    @inline(__always)
    private func classes(of word: String, hash: UInt64) -> WordClasses {
        WordClasses(rawValue: classes.bits(of: word, hash: hash))
    }

    /// True when the (lexicon-normalised) words hold a first-person word: the user telling about themselves
    /// ("aku lagi ngerjain tugas"), which may set a scene.
    func speaksOfItself(_ words: [String], hashes: [UInt64]) -> Bool { Self.holdsAny(of: firstPerson, words, hashes) }

    /// True when the (lexicon-normalised) words speak to the bot ("kamu suka kopi ga?", "do you like coffee?").
    func speaksToBot(_ words: [String], hashes: [UInt64]) -> Bool { Self.holdsAny(of: secondPerson, words, hashes) }

    /// True when one of the first words of `tokens` (past fillers and "really") concedes something ("even though
    /// they mostly interact offline?", "really? even by becoming active on social media?").
    func concedes(_ tokens: [String], hashes: [UInt64]) -> Bool {
        var index = 0
        while index < tokens.count, fillers.contains(tokens[index], hash: hashes[index])
            || (functionWords.contains(tokens[index], hash: hashes[index]) && concessives.longestMatch(in: tokens, hashes: hashes, at: index) == nil) {
            index += 1
        }
        return index < tokens.count && concessives.longestMatch(in: tokens, hashes: hashes, at: index) != nil
    }

    /// True when the tokens say what something is about ("about", "tentang").
    func saysAbout(_ tokens: [String], hashes: [UInt64]) -> Bool { Self.holdsAny(of: aboutWords, tokens, hashes) }

    private static func holdsAny(of set: WordSet, _ words: [String], _ hashes: [UInt64]) -> Bool {
        words.indices.contains { set.contains(words[$0], hash: hashes[$0]) }
    }

    /// True when the first of `tokens` acknowledges the last answer ("oh", "i see").
    func opensWithAcknowledgement(_ tokens: [String], hashes: [UInt64]) -> Bool {
        guard let first = tokens.first, let hash = hashes.first else { return false }
        return acknowledgements.contains(first, hash: hash)
    }

    /// True when the first word past fillers is the user ("Saya orang tua, ...", "I run a shop").
    func opensWithSelf(_ words: [String], hashes: [UInt64]) -> Bool {
        guard let first = words.indices.first(where: { !fillers.contains(words[$0], hash: hashes[$0]) }) else { return false }
        return firstPerson.contains(words[first], hash: hashes[first])
    }

    /// True when a question asks whether two or more unknown words are a side: "apakah raffi ahmad itu
    /// influencer?", "is atta halilintar a kol?", "jerome polin itu kol atau influencer?" (a name the pack
    /// cannot know); after an opener one longer word will do ("is mrbeast a kol?").
    func asksAboutUnknownSubject(_ tokens: [String], isUnknown: (String) -> Bool) -> Bool {
        var index = 0
        while index < tokens.count, fillers.contains(tokens[index]) { index += 1 }
        // Without an opener ("jerome polin itu kol atau influencer?") a predicate must join the name to the side.
        var opened = true
        if let opener = yesNoFirst.longestMatch(in: tokens, at: index) {
            index += opener.length
        } else if index < tokens.count, tokens[index] == "apa" {
            index += 1
        } else {
            opened = false
        }
        let start = index
        while index < tokens.count, tokens[index].utf8.count >= 3, isUnknown(tokens[index]) { index += 1 }
        // One unknown word will do after an opener ("is mrbeast a kol?"), when it is not short.
        guard index - start >= 2 || opened && index - start == 1 && tokens[start].utf8.count >= 5 else { return false }
        let beforePredicates = index
        while index < tokens.count, predicates.contains(tokens[index]) || Self.articles.contains(tokens[index]) { index += 1 }
        let named = index - start >= 2 || beforePredicates - start >= 2
        // "is atta halilintar one?" after what an influencer is: a name of two words, then "one" for the side.
        if opened || index > beforePredicates, named, index < tokens.count, Self.oneOfThem.contains(tokens[index]) { return true }
        let sideFollows = index < tokens.count && recognizer.table.longestMatch(in: tokens, at: index)?.value.contains(where: \.isTopic) ?? false
        // "raffi ahmad kol bkn": a name of two words opening the message, the side and at most a tag after it.
        if !opened, beforePredicates == index, named, sideFollows, tokens.count - index <= 3 { return true }
        guard opened || tokens[beforePredicates..<index].contains(where: { predicates.contains($0) }) else { return false }
        return sideFollows
    }

    /// Words standing for the side talked about after a name: "is atta halilintar one?", "... salah satunya?".
    private static let oneOfThem: Set<String> = ["one", "salah"]

    /// A cue text with its cue, to find texts listed twice.
    private struct Pair: Hashable {
        var text: String
        var cue: Cue
    }

    /// The index of aspect `name`, or nil.
    func aspectIndex(_ name: String) -> Int? { aspectNames.firstIndex(of: name) }

    // MARK: - Reading

    /// Reads one analysed message; `questionMark` tells whether the raw text ended with "?".
    func read(_ analysis: Analysis, questionMark: Bool) -> Reading {
        var reading = Reading()
        reading.ordinal = analysis.entities.ordinal
        readForms(analysis.tokens, analysis.tokenHashes, into: &reading)
        readContent(analysis, into: &reading)
        // "influencer tuh yg bikin konten kan? definisinya gimana?": a definition word beside a side outweighs
        // an aspect that only a cue (not a strong one) named; a term question stays one.
        if reading.forms.contains(.definitionNoun), reading.entity != nil, !reading.aspectIsStrong,
           reading.aspect != termAspect, definitionAspect >= 0 {
            reading.aspect = definitionAspect
            reading.aspectWeight = Self.cueWeight
        }
        // A question mark without a question word, beside an aspect, asks yes or no ("KOL kerja full time?").
        // ("kredibilitas KOL vs influencer?" names a topic and claims nothing.)
        // ("Can you explain the second difference?" asks for it.)
        // (After a follow-up opener only with a side of its own: "kalau influencer bisa sampai internasional?", while
        // "kalau dari sisi kepercayaan?" moves to an aspect.)
        let claimsAfterOpener = !reading.forms.contains(.followUp)
            || reading.entity != nil && reading.entity != "both" && !reading.sideNamed && !reading.pronoun
        // ("KOL juga seluas itu?": the aspect pointed back to.)
        // ("yang sebelum soal kredibilitas?" asks for a step along the differences.)
        if questionMark, reading.aspect >= 0 || reading.refersToLastAspect, !reading.forms.contains(.questionWord), claimsAfterOpener,
           !reading.opensWithRequest,
           !namesTopicOnly(analysis.tokens, analysis.tokenHashes),
           reading.firstMove < 0 || stepFromOrdinal(analysis.tokens, hashes: analysis.tokenHashes) == 0 {
            reading.forms.insert(.yesNo)
            // ("lewat TV atau media cetak?": "or" joins one object of the claim.)
            if reading.isChoice, !reading.choiceContrasts { reading.isChoice = false }
        }
        // So does an ordinal said to be about something the article does not cover ("perbedaan ketiga tentang
        // harga endorse?"); a bare "yang kedua?" only picks the difference.
        if questionMark, reading.ordinal != nil, reading.foreignWeight > 0, !reading.forms.contains(.questionWord),
           !reading.opensWithRequest {
            reading.forms.insert(.yesNo)
        }
        // So does one about both sides or a comparison, with a word of its own or a predicate ("influencer and
        // kol is same thing?"; a bare "KOL dan influencer?" asks for the differences).
        if questionMark, !reading.opensWithRequest, reading.entity == "both" || reading.forms.contains(.compare),
           reading.extraWords > 0 || analysis.words.contains(where: { predicates.contains($0) }),
           !reading.forms.contains(.questionWord), !reading.forms.contains(.followUp) {
            reading.forms.insert(.yesNo)
        }
        // "Apakah orang percaya KOL karena dia ahli?": a yes/no question about trust or following, giving a reason,
        // asks whether it is the reason.
        if reading.forms.contains(.yesNo), !reading.asksReason, !reading.isChoice, reading.aspect >= 0,
           reading.aspect == trustAspect || reading.aspect == reasonsAspect,
           let at = analysis.words.firstIndex(where: { because.contains($0) }), at > 1 {
            reading.asksReason = true
            reading.forms.insert(.why)
        }
        if reading.isChoice || reading.forms.contains(.why) && !reading.asksReason { reading.forms.remove(.yesNo) }
        // "Apakah podcast juga termasuk media yang digunakan influencer?": whether a named platform is one of them.
        if reading.forms.contains(.yesNo), reading.namedPlatform, reading.aspect >= 0, reading.aspect == mediaAspect {
            reading.aspect = platformsAspect
        }
        // "mana yg reach-nya lbh luas", "which one has more trust": which of the two, more of something.
        if !reading.forms.contains(.compare), analysis.tokens.contains(where: { comparatives.contains($0) }),
           asksWhich(analysis.tokens) {
            reading.forms.insert(.compare)
        }
        return reading
    }

    /// True when `tokens` (as written) hold nothing but sides, grammar words, comparison links and nouns
    /// naming an aspect, at least one of those. (Read before the lexicon, which turns "mirip" into "persamaan".)
    private func namesTopicOnly(_ tokens: [String], _ hashes: [UInt64]) -> Bool {
        var index = 0
        var noun = false
        while index < tokens.count {
            if let match = recognizer.table.longestMatch(in: tokens, hashes: hashes, at: index),
               match.value.contains(where: \.isTopic) {
                index += match.length
                continue
            }
            let token = tokens[index], hash = hashes[index]
            if topicNouns.contains(token, hash: hash) {
                noun = true
            } else if !functionWords.contains(token, hash: hash) && !comparisonLinks.contains(token, hash: hash)
                        && !topicRequests.contains(token, hash: hash) && !fillers.contains(token, hash: hash) {
                // "influencers", "kaoel": a side once the lexicon has read it.
                let words = lexicon.apply([token])
                guard !words.isEmpty, recognizer.table.longestMatch(in: words, at: 0)?.value.contains(where: \.isTopic) ?? false
                else { return false }
            }
            index += 1
        }
        return noun
    }

    private func readForms(_ tokens: [String], _ hashes: [UInt64], into reading: inout Reading) {
        guard !tokens.isEmpty else { return }
        var index = 0
        var questionWordAt = -1
        var lastQuestionWordEnd = -1
        // "definisinya gimana", "gimana maksudnya": a how-word beside a definition word asks for a meaning,
        // not for a manner; such how-words do not make the message a how-question.
        var howWords = 0
        var howBesideDefinition = 0
        var previousEnd = -1
        var previous: QuestionForms = []
        var asksWhen = false
        while index < tokens.count {
            if let match = forms.longestMatch(in: tokens, hashes: hashes, at: index) {
                var value = match.value
                // "fans from many different regions": the word describes the noun after it.
                if match.length == 1, value.contains(.compare), compareAdjectives.contains(tokens[index], hash: hashes[index]),
                   index + 1 < tokens.count, !functionWords.contains(tokens[index + 1], hash: hashes[index + 1]),
                   recognizer.table.value(forWord: tokens[index + 1], hash: hashes[index + 1]) == nil {
                    value.subtract([.compare, .compareNoun])
                }
                let adjacent = previousEnd == index
                if value.contains(.how) {
                    howWords += 1
                    if adjacent, previous.contains(.definition), !previous.contains(.how) { howBesideDefinition += 1 }
                } else if value.contains(.definition), adjacent, previous.contains(.how), !previous.contains(.definition) {
                    howBesideDefinition += 1
                }
                if value.contains(.questionWord) {
                    if questionWordAt < 0 { questionWordAt = index }
                    lastQuestionWordEnd = index + match.length
                }
                value.remove(.how)
                if value.contains(.when) {
                    asksWhen = true
                    value.remove(.when)
                }
                reading.forms.formUnion(value)
                previous = match.value
                index += match.length
                previousEnd = index
            } else {
                let filler = classes(of: tokens[index], hash: hashes[index]).contains(.filler)
                if !filler { previous = [] }
                index += 1
                if previousEnd == index - 1, filler { previousEnd = index }
            }
        }
        if howWords > howBesideDefinition { reading.forms.insert(.how) }
        // "kapan instagram dibuat?", "when did TikTok launch?": a date or time, which the article never gives.
        if asksWhen { reading.foreignWeight += Self.foreignWeight }
        var first = 0
        while first < tokens.count, fillers.contains(tokens[first], hash: hashes[first]) { first += 1 }
        // A follow-up opens the message ("kalau KOL?", "terus influencer gimana?", "what about ...").
        var afterOpener = first
        for start in 0...min(first, tokens.count - 1) {
            guard let opener = followUpOpeners.longestMatch(in: tokens, hashes: hashes, at: start) else { continue }
            reading.forms.insert(.followUp)
            // "what about Snapchat?": the question word belongs to the opener.
            reading.questionWordInOpenerOnly = lastQuestionWordEnd >= 0 && lastQuestionWordEnd <= start + opener.length
            afterOpener = start + opener.length
            break
        }
        guard first < tokens.count else { return }
        if reading.forms.contains(.definition) || reading.forms.contains(.questionWord) {
            reading.hasDefinitionFrame = definitionFrameRange(tokens, hashes, from: first) != nil
        }
        // Yes/no: an auxiliary or "apakah" first ("can a KOL ...", but not the request "can you ..."), or
        // Indonesian "apa" + a side ("apa KOL juga main medsos?"); else a tag ("..., ya?") or "bisa gak"
        // in a message without another question word.
        let apaParticle = tokens[first] == "apa" && first + 1 < tokens.count
            && (pronouns.contains(tokens[first + 1], hash: hashes[first + 1]) || singularPronouns.contains(tokens[first + 1], hash: hashes[first + 1])
                || recognizer.table.longestMatch(in: tokens, hashes: hashes, at: first + 1)?.value.contains(where: \.isTopic) ?? false)
        var auxiliaryFirst = false
        if let match = yesNoFirst.longestMatch(in: tokens, hashes: hashes, at: first) {
            let next = first + match.length
            auxiliaryFirst = next >= tokens.count || !requests.contains(tokens[next], hash: hashes[next])
                || next + 1 < tokens.count && genericAfterRequest.longestMatch(in: tokens, hashes: hashes, at: next + 1) != nil
            reading.opensWithRequest = !auxiliaryFirst
        }
        if apaParticle || auxiliaryFirst {
            reading.forms.insert(.yesNo)
            if apaParticle, questionWordAt == first { reading.forms.remove(.questionWord) }
        } else if questionWordAt >= 0 {
            reading.forms.remove(.yesNo)
        } else {
            // After a follow-up opener only a few tags ask yes or no ("kalau YouTube termasuk?"), unless a claim of
            // a few words stands before the tag ("kalau KOL main medsos juga ga?").
            let followUp = reading.forms.contains(.followUp)
            if followUp { reading.forms.remove(.yesNo) }
            let tags = followUp && tokens.count - afterOpener < 4 ? yesNoAfterFollowUp : yesNoLast
            // The tag ends the message, or comes before fillers that do ("pake telegram ga atuh").
            var end = tokens.count
            while end > first + 1, fillers.contains(tokens[end - 1], hash: hashes[end - 1]) { end -= 1 }
            let from = max(first + 1, end - tags.maxWords)
            for start in from..<max(from, tokens.count) {
                if let match = tags.longestMatch(in: tokens, hashes: hashes, at: start),
                   start + match.length == tokens.count || start + match.length == end {
                    reading.forms.insert(.yesNo)
                    break
                }
            }
            // "ada kesamaan gak antara influencer sama KOL": a verb, a word or two, a negation tag.
            if !followUp {
                for at in first..<tokens.count where gappedVerbs.contains(tokens[at], hash: hashes[at]) {
                    if (at + 2...at + 3).contains(where: { $0 < tokens.count && gappedTags.contains(tokens[$0], hash: hashes[$0]) }) {
                        reading.forms.insert(.yesNo)
                        break
                    }
                }
            }
        }
        // "apakah karena interaksinya langsung?", "and is that why people follow them?": whether this is the reason.
        // ("karena apa?" asks why: a single word opens a reason question only without a question word.)
        func opensReason(at start: Int) -> Bool {
            guard start < tokens.count, let match = reasonOpeners.longestMatch(in: tokens, hashes: hashes, at: start) else { return false }
            return match.length > 1 || !reading.forms.contains(.questionWord)
        }
        if opensReason(at: first) || afterOpener > first && opensReason(at: afterOpener) {
            reading.asksReason = true
            reading.forms.formUnion([.yesNo, .why])
        }
        // "online or offline?" is a choice, not a yes/no question ("or not" stays yes/no). After a yes/no opener
        // or before a yes/no tag only two contrasting alternatives make a choice ("is it online or offline?", "is X
        // a KOL or an influencer?"); else "or" joins one object ("is their fame limited to a region or a country?").
        for index in first..<tokens.count where choices.contains(tokens[index], hash: hashes[index]) {
            guard index + 1 < tokens.count, !negations.contains(tokens[index + 1], hash: hashes[index + 1]),
                  !tokens[first..<index].contains(where: { eitherWords.contains($0) }) else { continue }
            var next = index + 1
            while next + 1 < tokens.count, Self.articles.contains(tokens[next]) { next += 1 }
            let contrasting = contrasts.contains(tokens[next], hash: hashes[next])
                || recognizer.table.longestMatch(in: tokens, hashes: hashes, at: next)?.value.contains(where: \.isTopic) ?? false
            if apaParticle || auxiliaryFirst || reading.forms.contains(.yesNo), !contrasting { continue }
            reading.isChoice = true
            reading.choiceContrasts = contrasting
            break
        }
    }

    private func readContent(_ analysis: Analysis, into reading: inout Reading) {
        let words = analysis.words
        let stems = analysis.stems
        let wordHashes = analysis.wordHashes
        let stemHashes = analysis.stemHashes
        var weights = SIMD32<Int16>()
        /// Per aspect, the most words one of its cues spanned: of two strong aspects equally heavy, the one
        /// named by the longer cue wins ("spend most of their time offline" is about time, not media).
        var spans = SIMD32<Int16>()
        /// Per aspect, its heaviest single cue: of two aspects equally heavy, one named by a full cue beats one
        /// that only weak cues add up to ("menjangkau dan berinteraksi dengan pengikutnya" asks about media).
        var singles = SIMD32<Int16>()
        var moves = SIMD16<UInt8>()
        var strong: UInt32 = 0
        /// Whether the message's first aspect cue is a strong one.
        var sawAspect = false
        var leadsStrong = false
        // A side's name with a word beside it: "sisi KOL-nya" names the side of an aspect; "micro influencer"
        // a kind of influencer the article does not describe.
        func sideNamed(at position: Int) {
            let before: WordClasses = position > 0 ? classes(of: words[position - 1], hash: wordHashes[position - 1]) : []
            let after: WordClasses = position + 1 < words.count ? classes(of: words[position + 1], hash: wordHashes[position + 1]) : []
            if before.contains(.sideWord) || after.contains(.sideWord) { reading.sideNamed = true }
            if before.contains(.sideQualifier) || after.contains(.sideQualifier) {
                reading.foreignWeight += Self.foreignWeight
                reading.qualifiedSide = true
            }
        }
        var firstTopic: (name: String, at: Int)?
        var platformsNamed = 0
        var secondTopic: (name: String, at: Int)?
        var both = false
        var numbers = 0
        var lastUnknown = -2
        // Positions (of the first 64 words) of content words nothing accounts for.
        var extraAt: UInt64 = 0
        let crossover = crossoverAspect
        // After "karena"/"because" the cues give a reason: weak, never strong ("orang ikut saran KOL karena
        // ketemu langsung?" asks about following advice).
        var afterBecause = false
        var index = 0
        while index < stems.count {
            if !afterBecause, index > 0 || reading.asksReason, because.contains(words[index], hash: wordHashes[index]) { afterBecause = true }
            if let match = cues.longestMatch(in: stems, hashes: stemHashes, at: index) {
                // "jadi influencer fansnya bisa internasional?": a first "jadi" is "so", not "becoming".
                // ("mau tau juga influencer itu apa": the side is asked to be defined, not said of another.)
                // ("what does it mean to be an influencer?": a definition, no other side said to be one.)
                if crossover >= 0, match.length > 1,
                   match.value.contains(where: { if case .aspect(crossover, _, _) = $0 { return true }; return false }),
                   index == 0 && fillers.contains(words[0], hash: wordHashes[0])
                    || framesAfter.longestMatch(in: words, hashes: wordHashes, at: index + match.length) != nil
                    || reading.forms.isSuperset(of: [.definition, .questionWord]) && !words.indices.contains(where: { position in
                        !(index..<(index + match.length)).contains(position)
                            && recognizer.table.value(forWord: words[position], hash: wordHashes[position])?.contains(where: \.isTopic) ?? false
                    }) {
                    index += 1
                    continue
                }
                // "apa itu influencer di media sosial?", "In social media marketing, who counts as an influencer?":
                // where the side defined is found (right after the side, or opening the message), not what is asked
                // about ("tell me about KOLs on social media" asks about their social media).
                if reading.forms.isSuperset(of: [.definition, .questionWord]), index >= 1, frameSettings.contains(words[index - 1], hash: wordHashes[index - 1]),
                   index == 1 || recognizer.table.value(forWord: words[index - 2], hash: wordHashes[index - 2])?.contains(where: \.isTopic) ?? false,
                   !match.value.contains(where: { if case .aspect(_, _, true) = $0 { return true }; return false }) {
                    index += match.length
                    continue
                }
                // A side named inside a cue ("bisa jadi KOL") still counts, except in a crossover ("jadi influencer").
                if !match.value.contains(where: { if case .aspect(let aspect, _, _) = $0 { return aspect == crossover }; return false }) {
                    for position in index..<(index + match.length) {
                        for case .topic(let topic) in recognizer.table.value(forWord: words[position], hash: wordHashes[position]) ?? [] where !topic.same(as: "both") {
                            sideNamed(at: position)
                            if firstTopic == nil {
                                firstTopic = (topic, position)
                            } else if let first = firstTopic, !first.name.same(as: topic), secondTopic == nil {
                                secondTopic = (topic, position)
                            }
                        }
                    }
                }
                for cue in match.value {
                    switch cue {
                    case .aspect(let aspect, var weight, var isStrong):
                        if afterBecause {
                            weight = Self.weakWeight
                            isStrong = false
                        }
                        if !sawAspect {
                            sawAspect = true
                            leadsStrong = isStrong
                        }
                        weights[aspect] += weight
                        singles[aspect] = max(singles[aspect], weight)
                        spans[aspect] = max(spans[aspect], Int16(match.length))
                        if isStrong { strong |= 1 << UInt32(aspect) }
                    case .move(let move):
                        moves[move] &+= 1
                        if reading.firstMove < 0 { reading.firstMove = move }
                    case .qualifier: break
                    case .foreign: reading.foreignWeight += Self.foreignWeight
                    case .otherPlatform:
                        reading.otherPlatform = true
                        platformsNamed += 1
                        reading.unknownAt = index
                    case .anaphor: reading.refersToLastAspect = true
                    case .otherSide:
                        // ("which other platforms?", "what are the other ways?": "other" before an aspect's word, or a
                        // word that names no side, is another of its kind.)
                        let next = index + match.length
                        let beforeAspect = next < stems.count && cues.longestMatch(in: stems, hashes: stemHashes, at: next)?.value
                            .contains(where: { if case .aspect = $0 { return true }; return false }) ?? false
                        let beforeNoun = next < stems.count && stems[next - 1] == "other"
                            && !(recognizer.table.value(forWord: words[next], hash: wordHashes[next])?.contains(where: \.isTopic) ?? false)
                            && !functionWords.contains(words[next], hash: wordHashes[next])
                        if !beforeAspect, !beforeNoun { reading.otherSide = true }
                    }
                }
                index += match.length
                continue
            }
            let word = words[index]
            if let match = recognizer.table.longestMatch(in: words, hashes: wordHashes, at: index)
                ?? Lexicon.withoutNya(word).flatMap({ base in recognizer.table.value(forWord: base).map { (1, $0) } }) {
                var platform = false
                for value in match.value {
                    switch value {
                    case .topic(let topic):
                        sideNamed(at: index)
                        if topic.same(as: "both") {
                            both = true
                            reading.bothWord = true
                        } else if firstTopic == nil {
                            firstTopic = (topic, index)
                        } else if let first = firstTopic, !first.name.same(as: topic), secondTopic == nil {
                            secondTopic = (topic, index)
                        }
                    case .platform:
                        reading.namedPlatform = true
                        platform = true
                        platformsNamed += 1
                    case .ordinal:
                        break
                    }
                }
                if platform, platformsAspect >= 0 {
                    weights[platformsAspect] += Self.cueWeight
                    singles[platformsAspect] = max(singles[platformsAspect], Self.cueWeight)
                    spans[platformsAspect] = max(spans[platformsAspect], 1)
                }
                index += match.length
                continue
            }
            let wordClasses = classes(of: word, hash: wordHashes[index])
            if wordClasses.contains(.pronoun) {
                reading.pronoun = true
            } else if wordClasses.contains(.singularPronoun) {
                reading.singularPronoun = true
            } else if Self.isNumber(word) {
                numbers += 1
                // "Ada berapa influencer di Indonesia tahun 2023?": a year; the article gives no dates.
                if Self.isYear(word) { reading.foreignWeight += Self.foreignWeight }
            } else if wordClasses.contains(.sideWord) {
                // "khusus KOL-nya", "sisi influencer": names which side, no content of its own.
            } else if !wordClasses.contains(.functionWord), !classes(of: stems[index], hash: stemHashes[index]).contains(.functionWord),
                      !Self.isNumber(word) {
                reading.extraWords += 1
                if index < 64 { extraAt |= 1 << UInt64(index) }
                if !corrector.knows(word, hash: wordHashes[index]) {
                    reading.unknownWords += 1
                    if reading.unknownAt < 0 { reading.unknownAt = index }
                    if lastUnknown == index - 1 {
                        if !reading.unknownPair, asksWho(before: index - 1, words, wordHashes) { reading.foreignWeight += Self.foreignWeight }
                        reading.unknownPair = true
                    }
                    lastUnknown = index
                }
            }
            index += 1
        }
        // "translate 'selamat pagi' into English": text of the user's own to translate.
        if translatesOwnText(analysis) { reading.foreignWeight += Self.foreignWeight }
        // "gimana caranya aku bisa jadi KOL?", "how do I find a KOL for my brand?": the user asks how to become or
        // find a side, which the article does not tell.
        if firstTopic != nil || crossover >= 0 && weights[crossover] > 0, becomesSide(words, wordHashes) {
            reading.foreignWeight += Self.foreignWeight
        }
        // "what's the difference between the TikTok and Instagram algorithms?", "bagusan instagram atau youtube?": two
        // platforms (listed or not) compared or chosen between, no side (outweighing the platforms' own cues); so are
        // two platforms beside an out-of-scope word ("Apakah TikTok lebih bagus dari Instagram?", "Cara monetisasi
        // podcast di Spotify?") or asked what they share ("kalau persamaan Instagram dan TikTok?").
        if firstTopic == nil, !both, platformsNamed >= 2, reading.foreignWeight > 0 || reading.forms.contains(.compare)
            || commonAspect >= 0 && weights[commonAspect] > 0
            || words.indices.contains(where: { choices.contains(words[$0], hash: wordHashes[$0]) }) {
            reading.foreignWeight += Self.foreignWeight + Int16(platformsNamed) * Self.cueWeight
        }
        // "apa persamaan kucing dan anjing?": what two things the article does not describe share.
        else if firstTopic == nil, !both, !reading.pronoun, extraAt != 0, commonAspect >= 0, weights[commonAspect] > 0,
                comparesWithOther(words, wordHashes, extraAt: extraAt, bothEnds: true) {
            reading.foreignWeight += Self.foreignWeight
        }
        // "Siapa KOL yang paling dipercaya?": a ranking of people, never in the article.
        // (Twice the weight: "akun IG dengan followers terbanyak di dunia punya siapa?" names aspects too.)
        if let full = superlative(in: analysis.tokens, analysis.tokenHashes) {
            if words.indices.contains(where: { rankingAskers.contains(words[$0], hash: wordHashes[$0]) }) {
                reading.foreignWeight += 2 * Self.foreignWeight
            }
            // "which country has the most influencers?", "aplikasi mana yang paling bagus?": a ranking of things
            // ("which platforms do most influencers use?" asks which they use). (Asked yes or no, the article does
            // not say: "Apakah Instagram platform yang paling banyak dipakai influencer?")
            else if !reading.forms.contains(.yesNo), full, asksWhichKind(words, wordHashes) {
                reading.foreignWeight += 2 * Self.foreignWeight
            }
        }
        // "do people trust KOLs more than ads?": one side compared with something the article does not describe;
        // "what's the difference between marketing and advertising?": two such things.
        // ("apa bedanya SEO specialist sama SEM specialist?": with two words the pack never saw, a thing it does not
        // know after the link is enough; with no side at all, nothing of the article is asked, whatever cues the two
        // things' words hold: twice the weight.)
        if secondTopic == nil, !both, extraAt != 0, reading.forms.contains(.compare),
           comparesWithOther(words, wordHashes, extraAt: extraAt, bothEnds: firstTopic == nil && reading.unknownWords < 2) {
            reading.foreignWeight += firstTopic == nil ? 2 * Self.foreignWeight : Self.foreignWeight
        }
        // The subject of a comparison (looked for only when a side is named; else the conversation's side).
        if let first = firstTopic {
            reading.subjectSide = first.name
            if let comparative = words.indices.first(where: { comparatives.contains(words[$0], hash: wordHashes[$0]) }) {
                if let second = secondTopic, second.at < comparative {
                    reading.subjectSide = second.name
                } else if first.at > comparative {
                    reading.subjectSide = nil // "is that wider than a KOL's?": the conversation's side
                }
            }
        }
        if both {
            reading.entity = "both"
        } else if let first = firstTopic, let second = secondTopic {
            // "KOL jadi influencer": the second side is said of the first.
            if second.at > 0, predicates.contains(words[second.at - 1], hash: wordHashes[second.at - 1]), crossover >= 0 {
                reading.entity = first.name
                weights[crossover] += Self.strongWeight
                strong |= 1 << UInt32(crossover)
            } else if second.at > 0, likeness.contains(words[second.at - 1], hash: wordHashes[second.at - 1]) {
                // "Do influencers have a full-time job like KOLs?": the first side, likened to the second.
                reading.entity = first.name
            } else {
                reading.entity = "both"
            }
        } else if let first = firstTopic, first.at > 0, reading.pronoun, likeness.contains(words[first.at - 1], hash: wordHashes[first.at - 1]) {
            // "Do they spend most of the day online like influencers do?": the side is what "they" are likened to.
            reading.entity = nil
        } else {
            reading.entity = firstTopic?.name
        }
        var best = -1
        var bestWeight: Int16 = 0
        var bestSpan: Int16 = 0
        // A strong cue first names the aspect asked about; cues of other aspects after it only add detail
        // ("apakah kredibilitas KOL datang dari konten media sosial yang dia unggah?" asks about credibility).
        let strongOnly = leadsStrong ? strong : 0
        for aspect in 0..<aspectNames.count where (strongOnly == 0 || strongOnly & (1 << UInt32(aspect)) != 0)
            && (weights[aspect] > bestWeight
                || (weights[aspect] == bestWeight && bestWeight > 0 && spans[aspect] > bestSpan
                    && strong & (1 << UInt32(aspect)) != 0 && strong & (1 << UInt32(best)) != 0)
                || (weights[aspect] == bestWeight && bestWeight > 0 && singles[aspect] > singles[best])) {
            best = aspect
            bestWeight = weights[aspect]
            bestSpan = spans[aspect]
        }
        // Two numbers or more: arithmetic, not an ordinal ("berapa 17 + 25").
        if numbers >= 2 { reading.foreignWeight += Self.foreignWeight }
        var bestMove: UInt8 = 0
        for move in 0..<moveNames.count where moves[move] > bestMove {
            reading.move = move
            bestMove = moves[move]
        }
        for move in 0..<moveNames.count where moves[move] == bestMove && bestMove > 0 {
            reading.moveTies |= 1 << UInt16(move)
        }
        // A move explains a message only when its cues are at least as many as the other content words
        // ("pagi min, udah bangun?" greets; "nonton film apa ya malam ini" does not).
        if Int(bestMove) < reading.extraWords {
            reading.move = -1
            reading.moveTies = 0
        }
        // "how do they use those platforms to reach people?": how a side works through its platforms is its media.
        if best >= 0, best == platformsAspect, mediaAspect >= 0, weights[mediaAspect] > 0, reading.forms.contains(.how) {
            best = mediaAspect
            bestWeight = max(bestWeight, weights[mediaAspect])
        }
        // Weak cues alone are a hint, not an aspect ("KOL dalam dunia marketing").
        reading.hasHint = bestWeight > 0
        if bestWeight < Self.cueWeight { best = -1 }
        reading.aspect = best
        reading.aspectWeight = best >= 0 ? bestWeight : 0
        if best >= 0 {
            for aspect in 0..<aspectNames.count where aspect != best && weights[aspect] == bestWeight { reading.aspectTied = true }
        }
        reading.aspectIsStrong = best >= 0 && strong & (1 << UInt32(best)) != 0
    }

    /// True when a first-person subject comes before a `becoming` phrase that ends right before a side (past
    /// articles): "aku bisa jadi KOL", "how can I get to be an influencer", "how do I find a KOL".
    private func becomesSide(_ words: [String], _ hashes: [UInt64]) -> Bool {
        guard let person = words.indices.first(where: { becomingSubjects.contains(words[$0], hash: hashes[$0]) }) else { return false }
        for side in (person + 1)..<max(person + 1, words.count)
        where recognizer.table.value(forWord: words[side], hash: hashes[side])?.contains(where: \.isTopic) ?? false {
            var end = side
            while end > person + 1, Self.articles.contains(words[end - 1]) { end -= 1 }
            for start in stride(from: end - 1, through: max(person + 1, end - becoming.maxWords), by: -1) {
                guard let match = becoming.longestMatch(in: words, hashes: hashes, at: start), start + match.length == end else { continue }
                // "aku dengar KOL bisa jadi influencer": a side before the phrase is what becomes one.
                return !words[(person + 1)..<start].indices.contains { index in
                    recognizer.table.value(forWord: words[index], hash: hashes[index])?.contains(where: \.isTopic) ?? false
                }
            }
            return false
        }
        return false
    }

    /// True when a comparison link ("than", "dengan", "vs") is followed, past grammar words, by a content word
    /// nothing accounts for (a position in `extraAt`); with `bothEnds`, preceded by one as well ("marketing and
    /// advertising").
    private func comparesWithOther(_ words: [String], _ hashes: [UInt64], extraAt: UInt64, bothEnds: Bool = false) -> Bool {
        func isGrammar(_ at: Int) -> Bool { functionWords.contains(words[at], hash: hashes[at]) || Self.articles.contains(words[at]) }
        // A link opening the message ("and how does that stack up ...?") opens a follow-up instead.
        for index in words.indices where index > 0 && index < 63 && comparisonLinks.contains(words[index], hash: hashes[index]) {
            var next = index + 1
            while next < words.count, next < 64, isGrammar(next) { next += 1 }
            guard next < 64, extraAt & (1 << UInt64(next)) != 0 else { continue }
            guard bothEnds else { return true }
            var previous = index - 1
            while previous > 0, isGrammar(previous) { previous -= 1 }
            if extraAt & (1 << UInt64(previous)) != 0 { return true }
        }
        return false
    }

    /// The cue runs found in `stems`, as "run: aspect+weight" (for explanations).
    func describeCues(in stems: [String]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < stems.count {
            guard let match = cues.longestMatch(in: stems, at: index) else {
                index += 1
                continue
            }
            let names = match.value.map { cue -> String in
                switch cue {
                case .aspect(let aspect, let weight, _): return "\(aspectNames[aspect])+\(weight)"
                case .move(let move): return "move \(moveNames[move])"
                case .qualifier: return "qualifier"
                case .foreign: return "foreign"
                case .otherPlatform: return "other-platform"
                case .anaphor: return "last aspect"
                case .otherSide: return "other side"
                }
            }
            found.append(stems[index..<(index + match.length)].joined(separator: " ") + ": " + names.joined(separator: ","))
            index += match.length
        }
        return found
    }

    private static func isNumber(_ word: String) -> Bool { word.allBytes(in: 48...57) }

    /// True for a number that reads as a year of the last two centuries ("2019", "1998").
    private static func isYear(_ word: String) -> Bool {
        word.utf8.count == 4 && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    /// The step a word of `tokens` makes from the ordinal named: 1 after it ("setelah", "after"), -1 before it
    /// ("sebelum", "before"), 0 for none.
    func stepFromOrdinal(_ tokens: [String], hashes: [UInt64]) -> Int {
        for index in tokens.indices {
            if stepsAfter.contains(tokens[index], hash: hashes[index]) { return 1 }
            if stepsBefore.contains(tokens[index], hash: hashes[index]) { return -1 }
        }
        return 0
    }

    // MARK: - Language switches and definition frames

    /// The language a message asks to switch to ("in English: ..."), with the words that ask it.
    func languageSwitch(in tokens: [String], hashes: [UInt64]) -> (language: Language, range: Range<Int>)? {
        var index = 0
        while index < tokens.count {
            if let match = switches.longestMatch(in: tokens, hashes: hashes, at: index) {
                return (match.value, index..<(index + match.length))
            }
            index += 1
        }
        return nil
    }

    /// The first correction marker in `tokens` with words after it ("apa itu influencer? eh bukan, maksudku KOL",
    /// "eh maksudku influencer, bukan KOL"), or nil.
    func correction(in tokens: [String], hashes: [UInt64]) -> Range<Int>? {
        for index in tokens.indices {
            if let match = corrections.longestMatch(in: tokens, hashes: hashes, at: index), index + match.length < tokens.count {
                return index..<(index + match.length)
            }
        }
        return nil
    }

    /// True when a translate verb is followed by a word that is neither the bot's own (`translations.own`), a
    /// filler, nor a side's name: "translate 'saya suka kopi' ke bahasa inggris", not "translate that into English"
    /// or "translate key opinion leader literally".
    private func translatesOwnText(_ analysis: Analysis) -> Bool {
        let words = analysis.words, hashes = analysis.wordHashes
        for index in words.indices where translateVerbs.contains(words[index], hash: hashes[index]) {
            var next = index + 1
            while next < words.count, fillers.contains(words[next], hash: hashes[next]) { next += 1 }
            guard next < words.count, !translateOwn.contains(words[next], hash: hashes[next]) else { continue }
            if recognizer.table.longestMatch(in: words, hashes: hashes, at: next)?.value.contains(where: \.isTopic) ?? false { continue }
            return true
        }
        return false
    }

    /// True when a word asking who someone is stands before `index` ("siapa atta halilintar", "who is raffi ahmad"),
    /// frame words such as "is", "itu" between.
    private func asksWho(before index: Int, _ words: [String], _ hashes: [UInt64]) -> Bool {
        var at = index - 1
        while at >= 0, frameIgnore.contains(words[at], hash: hashes[at]) { at -= 1 }
        return at >= 0 && nameAskers.contains(words[at], hash: hashes[at])
    }

    /// True when `words` ask which thing of a kind: "which country", "aplikasi mana" (not "which one", "which of
    /// them", "which is", "yang mana", "keduanya mana").
    private func asksWhichKind(_ words: [String], _ hashes: [UInt64]) -> Bool {
        func isKind(_ at: Int) -> Bool {
            guard at >= 0, at < words.count else { return false }
            let word = words[at], hash = hashes[at]
            if Self.notKinds.contains(word) || yesNoFirst.longestMatch(in: words, hashes: hashes, at: at) != nil { return false }
            let wordClasses = classes(of: word, hash: hash)
            if !wordClasses.isDisjoint(with: [.functionWord, .pronoun, .singularPronoun, .sideWord]) { return false }
            return !(recognizer.table.value(forWord: word, hash: hash)?.contains { if case .topic(let topic) = $0 { return topic.same(as: "both") }; return false } ?? false)
        }
        for at in words.indices {
            if kindBefore.contains(words[at], hash: hashes[at]), isKind(at + 1) { return true }
            if kindAfter.contains(words[at], hash: hashes[at]), isKind(at - 1) { return true }
        }
        return false
    }

    /// Words after "which" that name no kind of thing (besides grammar, pronouns and side words: "which side").
    private static let notKinds: Set<String> = ["one", "ones", "of", "kind", "type"]

    /// Nil when `tokens` (with their `hashes`) hold no superlative; else true when one is a full superlative or a
    /// quantifier after "the" ("the most"), false when all are bare quantifiers ("most influencers").
    private func superlative(in tokens: [String], _ hashes: [UInt64]) -> Bool? {
        var found: Bool?
        for at in tokens.indices {
            guard let match = superlatives.longestMatch(in: tokens, hashes: hashes, at: at) else { continue }
            if match.value || at > 0 && tokens[at - 1] == "the" { return true }
            found = false
        }
        return found
    }

    /// The words X of "apa itu X" / "X itu apa" / "what is X" in `tokens` (with their `hashes`), without fillers;
    /// nil when no frame.
    func definedThing(in tokens: [String], hashes: [UInt64]) -> Range<Int>? {
        var first = 0
        while first < tokens.count, fillers.contains(tokens[first], hash: hashes[first]) { first += 1 }
        guard var range = definitionFrameRange(tokens, hashes, from: first) else { return nil }
        while range.lowerBound < range.upperBound, frameIgnore.contains(tokens[range.lowerBound], hash: hashes[range.lowerBound]) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        while range.lowerBound < range.upperBound, frameIgnore.contains(tokens[range.upperBound - 1], hash: hashes[range.upperBound - 1]) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        return range.isEmpty ? nil : range
    }

    /// True when `thing`, the range of `tokens` (with their `hashes`) a definition frame names, holds only names the
    /// article mentions but never defines ("apa itu Kantamedia?").
    func namesOnlyUndefined(_ thing: Range<Int>, in tokens: [String], hashes: [UInt64]) -> Bool {
        thing.allSatisfy { undefinedNames.contains(tokens[$0], hash: hashes[$0]) }
    }

    /// The range of X between a definition frame and the other end of the message.
    private func definitionFrameRange(_ tokens: [String], _ hashes: [UInt64], from first: Int) -> Range<Int>? {
        if let match = framesBefore.longestMatch(in: tokens, hashes: hashes, at: first) {
            return (first + match.length)..<tokens.count
        }
        let from = max(first, tokens.count - framesAfter.maxWords)
        for start in from..<tokens.count where start > first {
            if let match = framesAfter.longestMatch(in: tokens, hashes: hashes, at: start), start + match.length == tokens.count {
                return first..<start
            }
        }
        return nil
    }
}

extension EntityValue {
    var isTopic: Bool {
        if case .topic = self { return true }
        return false
    }
}
