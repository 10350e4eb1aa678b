import Testing
@testable import BotService

@Test func errorCodesAreSnakeCase() {
    for code in QuestionErrorCode.allCases {
        #expect(code.rawValue == code.rawValue.lowercased())
        #expect(!code.rawValue.contains(" "))
    }
}
