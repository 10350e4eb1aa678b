import Testing
@testable import KafkaTransport

@Test func transportErrorDescribesItself() {
    #expect(KafkaError("boom").description == "TRANSPORT: boom")
}
