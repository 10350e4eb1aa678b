import Testing
@testable import BotCore

@Suite struct TextNormalisationTests {
    @Test func cleanerLowercasesSplitsAndCollapsesRepeats() {
        #expect(TextCleaner.tokens("Apaaa itu KOL???") == ["apa", "itu", "kol"])
        #expect(TextCleaner.tokens("what's a KOL?") == ["whats", "a", "kol"])
        #expect(TextCleaner.tokens("perbedaan ke-2") == ["perbedaan", "ke", "2"])
        #expect(TextCleaner.tokens("the 3rd one") == ["the", "3", "rd", "one"])
        #expect(TextCleaner.tokens("follow good") == ["follow", "good"])
    }

    @Test func aDoubledWordWrittenWithATwoIsOneWord() {
        // "temen2" is "teman-teman", not "teman" and the ordinal 2; "ke2" and "nomor 2" stay ordinals.
        #expect(TextCleaner.tokens("temen2 ku bilang") == ["temen", "ku", "bilang"])
        #expect(TextCleaner.tokens("baca2 dikit, kol2 juga") == ["baca", "dikit", "kol", "juga"])
        #expect(TextCleaner.tokens("yg ke2, nomor 2, the 2nd") == ["yg", "ke", "2", "nomor", "2", "the", "2", "nd"])
        #expect(TextCleaner.tokens("teman2 saya") == TextCleaner.tokens("teman saya"))
    }

    @Test func cleanerHandlesUnicodeAndEmoji() {
        #expect(TextCleaner.tokens("😂😂🔥") == [])
        #expect(TextCleaner.tokens("Ｋｏｌ itu apa 🤔") == ["kol", "itu", "apa"])
        #expect(TextCleaner.tokens("influéncer kerennnn") == ["influencer", "keren"])
    }

    @Test func lexiconReplacesSlangAndSynonyms() {
        let analyzer = TestPack.shared.analyzer
        #expect(analyzer.analyze("bedanya kol sm influencer apaan sih").words == ["perbedaan", "kol", "sama", "influencer", "apa"])
        #expect(analyzer.analyze("Key Opinion Leader itu apa").words == ["kol", "itu", "apa"])
        #expect(analyzer.analyze("contoh sosmednya").words == ["contoh", "media", "sosial"])
        #expect(analyzer.analyze("gak tau gimana").words == ["tidak", "tahu", "bagaimana"])
        #expect(analyzer.analyze("pemengaruh").words == ["influencer"])
    }

    @Test func stemmerStripsLightAffixes() {
        let stemmer = TestPack.shared.analyzer.lexicon.stemmer
        #expect(stemmer.stem("kredibilitasnya") == stemmer.stem("kredibilitas"))
        #expect(stemmer.stem("jelaskanlah") == "jelas")
        #expect(stemmer.stem("berinteraksi") == "interaks")
        #expect(stemmer.stem("digunakan") == "guna")
        #expect(stemmer.stem("kol") == "kol")
        #expect(stemmer.stem("perbedaan") == "perbedaan")
    }

    @Test func entitiesFindTopicsOrdinalsAndPlatforms() {
        let analyzer = TestPack.shared.analyzer
        #expect(analyzer.analyze("perbedaan kedua").entities.ordinal == 2)
        #expect(analyzer.analyze("perbedaan keduanya apa").entities.ordinal == nil)
        #expect(analyzer.analyze("the 3rd difference").entities.ordinal == 3)
        #expect(analyzer.analyze("perbedaan ke-4").entities.ordinal == 4)
        #expect(analyzer.analyze("5 perbedaan influencer dan kol").entities.ordinal == nil)
        #expect(analyzer.analyze("5 perbedaan influencer dan kol").entities.topic == "both")
        #expect(analyzer.analyze("kalau KOLnya?").entities.topic == "kol")
        #expect(analyzer.analyze("di ig sama tiktok").entities.platforms == ["instagram", "tiktok"])
    }

    @Test func languageIsDetectedOrLeftOpen() {
        let analyzer = TestPack.shared.analyzer
        #expect(analyzer.analyze("apa bedanya kol sama influencer").language == .indonesian)
        #expect(analyzer.analyze("what is the difference between them").language == .english)
        #expect(analyzer.analyze("KOL?").language == nil)
    }
}

@Suite struct SpellingCorrectionTests {
    let corrector = SpellingCorrector(words: ["perbedaan", "influencer", "kredibilitas", "opinion", "perbedaan", "media"])

    @Test func oneLetterTyposAreCorrected() {
        #expect(corrector.correction(of: "perbdaan") == "perbedaan")   // missing letter
        #expect(corrector.correction(of: "influencerr") == "influencer") // extra letter
        #expect(corrector.correction(of: "kredibilotas") == "kredibilitas") // wrong letter
        #expect(corrector.correction(of: "opnion") == "opinion")
    }

    @Test func knownShortOrDistantWordsAreLeftAlone() {
        #expect(corrector.correction(of: "perbedaan") == nil)
        #expect(corrector.correction(of: "medya") == nil) // shorter than six letters
        #expect(corrector.correction(of: "inflasi") == nil)
        #expect(corrector.correction(of: "sepakbola") == nil)
    }

    @Test func aLetterBeforeTheFirstIsAnotherWordUnlessItDoublesIt() {
        #expect(corrector.correction(of: "finfluencer") == nil)
        #expect(corrector.correction(of: "iinfluencer") == "influencer")
        #expect(corrector.correction(of: "xperbedaan") == nil)
    }

    @Test func knownOnlyWordsAreNeitherCorrectionsNorSplitPieces() {
        let corrector = SpellingCorrector(words: ["berikan", "marketplace", "place", "contoh"], knownOnly: ["beriklan", "market"])
        #expect(corrector.knows("beriklan") && corrector.knows("market"))
        #expect(corrector.correction(of: "beriklan") == nil) // known: left as written
        #expect(corrector.correction(of: "berklan") == nil)  // one edit from the known-only word only
        #expect(corrector.correction(of: "berikn") == "berikan")
        #expect(corrector.split(of: "marketplace") == nil)   // a word of the topic stays whole
        #expect(corrector.split(of: "marketcontoh") == nil)  // "market" is no piece
        #expect(corrector.split(of: "placecontoh") == ["place", "contoh"])
    }

    @Test func thePacksOutOfScopePhrasesAreNoCorrections() {
        // "skincare" is only in the out-of-scope phrases (understanding.yaml `foreign`): known, but no typo becomes it.
        let analyzer = TestPack.shared.analyzer
        #expect(analyzer.corrector.knows("skincare"))
        #expect(analyzer.corrector.correction(of: "skincarre") == nil)
        #expect(analyzer.corrector.correction(of: "perbdaan") == "perbedaan")
    }

    @Test func packCorrectsTyposBeforeTheLexicon() {
        let analyzer = TestPack.shared.analyzer
        #expect(analyzer.analyze("key opnion leader itu apa").words == ["kol", "itu", "apa"])
        #expect(analyzer.analyze("perbdaan kol").words == ["perbedaan", "kol"])
    }
}
