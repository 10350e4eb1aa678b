import Foundation
import Testing

@Suite struct AskTests {
    @Test func askPrintsTheKOLDefinition() throws {
        let result = try Kolbot.run(["ask", "apa itu KOL?"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Key Opinion Leader (KOL) adalah"))
    }

    @Test func askJSONPrintsAnAnswerObject() throws {
        let result = try Kolbot.run(["ask", "--json", "--lang", "en", "apa itu KOL?"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["intent"] as? String == "definition.kol")
        #expect(object["lang"] as? String == "en")
        #expect(object["fallback"] as? Bool == false)
        #expect((object["ts"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func missingPackNamesThePath() throws {
        let result = try Kolbot.run(["ask", "--intents", "/nonexistent/pack", "halo"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/pack"))
        let env = try Kolbot.run(["ask", "halo"], environment: ["KOLBOT_INTENTS": "/nowhere/intents"])
        #expect(env.status != 0)
        #expect(env.stderr.contains("/nowhere/intents"))
    }

    @Test func jsonlAnswersEveryLineIncludingBrokenOnes() throws {
        let input = """
            {"user": "a", "text": "what is a KOL?", "id": "q1"}
            this is not json
            {"user": "b", "text": "apa itu influencer", "lang": "en"}
            {"text": "no user"}
            {"user": "a", "text": "and influencers?", "lang": "xx"}

            {"user": "a", "text": "halo"}
            """
        let result = try Kolbot.run(["ask", "--jsonl"], stdin: input + "\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 7)
        guard objects.count == 7 else { return }
        #expect(objects[0]["in_reply_to"] as? String == "q1")
        #expect(objects[0]["intent"] as? String == "definition.kol")
        #expect(objects[0]["lang"] as? String == "en")
        #expect(objects[1]["intent"] as? String == "error")
        #expect(objects[1]["in_reply_to"] as? String == "stdin-2")
        #expect(objects[2]["lang"] as? String == "en")
        #expect(objects[2]["user"] as? String == "b")
        #expect(objects[3]["intent"] as? String == "error")
        #expect(objects[4]["intent"] as? String == "error")
        #expect(objects[5]["intent"] as? String == "error")
        #expect(objects[6]["intent"] as? String == "greeting")
        for object in objects {
            for key in ["id", "in_reply_to", "user", "text", "intent", "confidence", "lang", "fallback", "suggestions", "ts"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
    }

    @Test func jsonlKeepsStatePerUser() throws {
        let input = """
            {"user": "a", "text": "apa saja perbedaan kol dan influencer"}
            {"user": "b", "text": "what is an influencer?"}
            {"user": "a", "text": "yang kedua?"}
            {"user": "b", "text": "what about KOLs?"}
            {"user": "a", "text": "lanjut"}
            """
        let result = try Kolbot.run(["ask", "--jsonl"], stdin: input + "\n")
        let intents = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["intent"] as? String
        }
        #expect(intents == ["differences.list", "definition.influencer", "difference.2", "definition.kol", "difference.3"])
    }
}
