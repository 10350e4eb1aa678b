/// Why a question could not be answered normally. Sent as `error.code` in answers and dead-letter headers.
public enum QuestionErrorCode: String, Sendable, CaseIterable {
    case invalidJSON = "invalid_json"
    case invalidUTF8 = "invalid_utf8"
    case missingText = "missing_text"
    case missingUser = "missing_user"
    case invalidField = "invalid_field"
    case textTooLong = "text_too_long"
    case messageTooLarge = "message_too_large"
    case replyToNotAllowed = "reply_to_not_allowed"
    case emptyMessage = "empty_message"
}
