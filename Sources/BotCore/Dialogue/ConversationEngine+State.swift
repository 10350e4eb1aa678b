/// Reading, restoring and removing the per-user state (for the service: persistence, privacy, admin).
extension ConversationEngine {
    /// The remembered state of `user`, or nil when unknown or expired.
    public func state(of user: String) -> ConversationState? {
        storeMemory(of: user).map(state(from:))
    }

    /// True when `user` is remembered (known and not expired); cheaper than ``state(of:)``.
    public func remembers(_ user: String) -> Bool {
        storeMemory(of: user) != nil
    }

    /// Replaces the state of `user` (names the pack does not know are dropped).
    public func restore(_ state: ConversationState, for user: String) {
        replaceMemory(memory(from: state), for: user)
    }

    /// Forgets everything about `user`.
    public func forget(user: String) {
        removeMemory(of: user)
    }

    /// Removes every user for whom `predicate` is true; returns how many were removed.
    @discardableResult
    public func removeUsers(where predicate: (String, ConversationState) -> Bool) -> Int {
        var removed = 0
        for (user, memory) in allMemories() where predicate(user, state(from: memory)) {
            removeMemory(of: user)
            removed += 1
        }
        return removed
    }

    /// The users currently remembered, most recently active first.
    public var users: [String] { allMemories().map { $0.user } }

    /// How many users are remembered.
    public var userCount: Int { memoryCount }

    /// About how many bytes the remembered users' state takes in memory.
    public var stateBytes: Int { memoryBytes }

    /// True when `questionId` is among the recent question ids of `user` (a redelivered question).
    public func hasSeen(questionId: String, user: String) -> Bool {
        storeMemory(of: user)?.hasSeen(questionHash: UserMemory.hash(questionId: questionId)) ?? false
    }

    func state(from memory: UserMemory) -> ConversationState {
        ConversationState(
            language: memory.languageValue,
            lastIntent: memory.lastIntent >= 0 ? pack.intents[Int(memory.lastIntent)].name : nil,
            lastTopic: memory.topic > 0 ? pack.topicNames[Int(memory.topic) - 1] : nil,
            lastAspect: memory.aspect > 0 ? pack.aspectNames[Int(memory.aspect) - 1] : nil,
            cursor: memory.cursor > 0 ? Int(memory.cursor) : nil,
            pendingClarification: memory.pendingFirst >= 0
                ? [pack.intents[Int(memory.pendingFirst)].name, pack.intents[Int(memory.pendingSecond)].name] : [],
            recentQuestionIds: memory.recentIds,
            lastActivity: memory.lastActivity)
    }

    func memory(from state: ConversationState) -> UserMemory {
        var memory = UserMemory()
        memory.languageValue = state.language
        memory.lastIntent = state.lastIntent.flatMap { pack.intentIndex[$0] }.map(Int16.init) ?? -1
        memory.topic = state.lastTopic.flatMap { pack.topicNames.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0
        memory.aspect = state.lastAspect.flatMap { pack.aspectNames.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0
        memory.cursor = UInt8(clamping: state.cursor ?? 0)
        let pending = state.pendingClarification.compactMap { pack.intentIndex[$0] }
        if pending.count == 2 {
            memory.pendingFirst = Int16(pending[0])
            memory.pendingSecond = Int16(pending[1])
        }
        for id in state.recentQuestionIds.suffix(4) { memory.remember(questionHash: id) }
        memory.lastActivity = state.lastActivity
        return memory
    }
}
