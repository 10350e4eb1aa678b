import BotCore
import Foundation
import PropertyBased
import Testing
@testable import BotService

/// Property-based fuzzing of the question decoder and the whole conversation core, a fixed number of
/// iterations each (random inputs, shrunk on failure).
@Suite struct PropertyTests {
    static let iterations = 2_000
    static let engine = LockedEngine()

    @Test func decoderAcceptsOrRejectsArbitraryBytes() async {
        let decoder = QuestionDecoder()
        await propertyCheck(count: Self.iterations, input: Gen.uint8().array(of: 0...300)) { bytes in
            switch decoder.decode(value: bytes, key: Array("user".utf8), defaultID: "d") {
            case .success(let q): #expect(!q.text.isEmpty && !q.user.isEmpty && q.text.utf8.count <= 4096)
            case .failure(let e): #expect(!e.message.isEmpty)
            }
        }
        print("decoder: \(Self.iterations) random byte strings, no crash")
    }

    @Test func decoderHandlesJSONShapedNoise() async {
        let decoder = QuestionDecoder()
        let alphabet = Array("{}[]\":,\\ \ntextuserlangidmeta0123456789.-eEtrufalsn\u{202E}\u{0}é😀")
        let noise = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...120).map { "{\"text\":" + String($0) }
        await propertyCheck(count: Self.iterations, input: noise) { text in
            switch decoder.decode(value: Array(text.utf8), key: Array("u".utf8), defaultID: "d") {
            case .success(let q):
                #expect(!q.text.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
            case .failure(let e):
                #expect(QuestionErrorCode.allCases.contains(e.code))
            }
        }
        print("decoder: \(Self.iterations) JSON-shaped inputs, no crash")
    }

    @Test func sanitizerFastPathAgreesWithTheFullCleaning() async {
        let alphabet = Array("ab KOL \t\n\u{0}\u{7F}\u{85}\u{A0}\u{61C}\u{200B}\u{200E}\u{2028}\u{202E}\u{2066}\u{3000}\u{FEFF}é😀")
        let texts = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...40).map { String($0) }
        await propertyCheck(count: Self.iterations, input: texts) { text in
            #expect(InputSanitizer.clean(text) == InputSanitizer.slowClean(text))
        }
    }

    /// The word-at-a-time JSON escaper writes what a byte-by-byte one writes, and JSON parsers read it back.
    @Test func jsonEscapingAgreesWithTheSimpleRule() async {
        let alphabet = Array("abcdefgh KOL \"\\\n\r\t\u{0}\u{1F}\u{7F}é€😀/")
        let texts = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...90).map { String($0) }
        await propertyCheck(count: Self.iterations, input: texts) { text in
            var w = JSONWriter()
            w.string(text)
            var expected: [UInt8] = [0x22]
            for b in text.utf8 {
                switch b {
                case 0x22: expected += [0x5C, 0x22]
                case 0x5C: expected += [0x5C, 0x5C]
                case 0x0A: expected += Array("\\n".utf8)
                case 0x0D: expected += Array("\\r".utf8)
                case 0x09: expected += Array("\\t".utf8)
                case 0..<0x20, 0x7F: expected += Array(String(format: "\\u%04x", b).utf8)
                default: expected.append(b)
                }
            }
            expected.append(0x22)
            #expect(w.bytes == expected)
            let parsed = try? JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
            #expect(parsed == text)
        }
    }

    @Test func theCoreAnswersAnyText() async throws {
        let engine = try Self.engine.get()
        let pool: [Character] = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) } + (0xA0...0x2FF).map { Character(Unicode.Scalar($0)!) }
            + (0x1F600...0x1F64F).map { Character(Unicode.Scalar($0)!) } + Array("apa itu KOL influencer? bedanya contohnya")
        let texts = Gen.int(in: 0...(pool.count - 1)).map { pool[$0] }.array(of: 0...80).map { String($0) }
        await propertyCheck(count: Self.iterations, input: texts, Gen.int(in: 0...20)) { text, user in
            let reply = engine.reply(to: text, user: "fuzz-\(user)", language: nil, questionId: nil)
            #expect(!reply.text.isEmpty)
            #expect((0...1).contains(reply.confidence))
            let answer = Answer(replying: Question(id: "q", user: "fuzz-\(user)", text: text), with: reply, timestampMs: 0)
            #expect((try? JSONSerialization.jsonObject(with: Data(answer.encoded()))) != nil)
        }
        print("core: \(Self.iterations) random texts answered, every answer valid JSON")
    }
}

/// The real pack's engine, loaded once for the suite.
final class LockedEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var engine: ConversationEngine?

    func get() throws -> ConversationEngine {
        lock.lock()
        defer { lock.unlock() }
        if let engine { return engine }
        let made = ConversationEngine(pack: try loadPack())
        engine = made
        return made
    }
}
