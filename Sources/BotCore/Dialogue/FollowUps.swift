/// Follow-ups ("kalau KOL?", "contohnya?", "lanjut", "yang kedua?", "maksudnya?", "in English please",
/// "mulai lagi") resolved from the user's conversation state.
extension ConversationEngine {
    /// The follow-up kinds the engine resolves (the `followup:` values of the pack).
    static let followUpKinds: Set<String> = [
        "topic", "example", "next", "previous", "ordinal", "repeat", "english", "indonesian", "reset",
    ]

    func resolveFollowUp(
        _ kind: String, intent matched: Int, confidence: Double, entities: Entities, memory: UserMemory,
        language: inout Language, languageForced: Bool
    ) -> Decision {
        let last = memory.lastIntent >= 0 ? pack.intents[Int(memory.lastIntent)] : nil
        let pending = memory.pendingFirst >= 0 ? [Int(memory.pendingFirst), Int(memory.pendingSecond)] : []
        func answer(_ name: String?) -> Decision? {
            guard let name, let index = pack.intentIndex[name] else { return nil }
            return .answer(intent: index, confidence: confidence)
        }
        func difference(_ ordinal: Int) -> Decision? {
            pack.intents.firstIndex { $0.group == "difference" && $0.slots.ordinal == ordinal }
                .map { .answer(intent: $0, confidence: confidence) }
        }
        let repeatLast = answer(last?.name) ?? answer(pack.followUpDefaults["default"]?["empty"]) ?? .fallback(confidence: confidence)
        let lastTopic = memory.topic > 0 ? pack.topicNames[Int(memory.topic) - 1] : nil

        switch kind {
        case "topic":
            guard let topic = entities.topic else { return repeatLast }
            if let pick = pending.first(where: { pack.intents[$0].slots.topic == topic }) {
                return .answer(intent: pick, confidence: confidence)
            }
            return answer(last?.then[topic]) ?? answer(pack.followUpDefaults["topic"]?[topic]) ?? repeatLast
        case "example":
            let topic = entities.topic ?? lastTopic ?? "none"
            return answer(last?.then["example"]) ?? answer(pack.followUpDefaults["example"]?[topic]) ?? repeatLast
        case "next":
            if memory.cursor > 0 { return difference(min(Int(memory.cursor) + 1, 5)) ?? repeatLast }
            return answer(last?.then["next"]) ?? answer(pack.followUpDefaults["default"]?["start"]) ?? repeatLast
        case "previous":
            if memory.cursor > 0 { return difference(max(Int(memory.cursor) - 1, 1)) ?? repeatLast }
            return answer(last?.then["previous"]) ?? repeatLast
        case "ordinal":
            guard let ordinal = entities.ordinal else { return repeatLast }
            if pending.count == 2, ordinal <= 2 { return .answer(intent: pending[ordinal - 1], confidence: confidence) }
            return difference(ordinal) ?? repeatLast
        case "repeat":
            if pending.count == 2 { return .clarify(first: pending[0], second: pending[1], confidence: confidence) }
            // "maksudnya?" after what KOL stands for asks what a KOL is.
            return answer(last?.then["repeat"]) ?? repeatLast
        case "english", "indonesian":
            if !languageForced { language = kind == "english" ? .english : .indonesian }
            return repeatLast
        default:
            // "reset" and any other kind answers with the follow-up intent's own answer.
            return .answer(intent: matched, confidence: confidence)
        }
    }

    /// Updates the user's memory after answering.
    func remember(_ decision: Decision, entities: Entities, language: Language, now: Double, in memory: inout UserMemory) {
        memory.languageValue = language
        memory.lastActivity = now
        memory.pendingFirst = -1
        memory.pendingSecond = -1
        memory.startedOver = false
        switch decision {
        case .answer(let index, _):
            if pack.followUpKinds[index] == "reset" {
                memory = UserMemory()
                memory.languageValue = language
                memory.lastActivity = now
                memory.startedOver = true // "yang kedua?" next has nothing to pick from
                return
            }
            memory.lastIntent = Int16(index)
            let topic = pack.intentTopic[index]
            if topic >= 0 {
                memory.topic = UInt8(topic + 1)
            } else if topic == -1, let named = entities.topic, let position = pack.topicNames.firstIndex(of: named) {
                memory.topic = UInt8(position + 1)
            }
            if pack.intentAspect[index] >= 0 { memory.aspect = UInt8(pack.intentAspect[index] + 1) }
            if pack.intentOrdinal[index] > 0 { memory.cursor = UInt8(pack.intentOrdinal[index]) }
        case .clarify(let first, let second, _):
            memory.pendingFirst = Int16(first)
            memory.pendingSecond = Int16(second)
        case .fallback:
            break
        }
    }
}
