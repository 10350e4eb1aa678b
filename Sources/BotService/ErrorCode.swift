import BotCore

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
    case deliveryFailed = "delivery_failed"
    case rateLimited = "rate_limited"

    /// What the user is told, in their language.
    public func userMessage(_ language: Language) -> String {
        switch (self, language) {
        case (.invalidJSON, .indonesian): "Maaf, pesan Anda tidak bisa dibaca karena formatnya rusak (JSON tidak valid). Silakan kirim ulang pertanyaan Anda."
        case (.invalidJSON, .english): "Sorry, your message could not be read because its format is broken (invalid JSON). Please send your question again."
        case (.invalidUTF8, .indonesian): "Maaf, pesan Anda berisi karakter yang tidak bisa dibaca. Silakan kirim ulang sebagai teks biasa."
        case (.invalidUTF8, .english): "Sorry, your message contains characters that cannot be read. Please send it again as plain text."
        case (.missingText, .indonesian), (.emptyMessage, .indonesian): "Maaf, pesan Anda kosong. Silakan tulis pertanyaan Anda, misalnya \"Apa itu KOL?\"."
        case (.missingText, .english), (.emptyMessage, .english): "Sorry, your message is empty. Please write your question, for example \"What is a KOL?\"."
        case (.missingUser, .indonesian): "Maaf, pesan ini tidak menyebutkan penggunanya, jadi tidak bisa dijawab."
        case (.missingUser, .english): "Sorry, this message does not say who sent it, so it cannot be answered."
        case (.invalidField, .indonesian): "Maaf, ada isian pesan yang tidak sesuai format. Silakan periksa dan kirim ulang."
        case (.invalidField, .english): "Sorry, a field of your message has the wrong format. Please check it and send it again."
        case (.textTooLong, .indonesian), (.messageTooLarge, .indonesian): "Maaf, pesan Anda terlalu panjang. Silakan kirim pertanyaan yang lebih singkat."
        case (.textTooLong, .english), (.messageTooLarge, .english): "Sorry, your message is too long. Please send a shorter question."
        case (.replyToNotAllowed, .indonesian): "Maaf, tujuan balasan yang diminta tidak diizinkan, jadi jawaban dikirim ke tempat biasa."
        case (.replyToNotAllowed, .english): "Sorry, the requested reply destination is not allowed, so the answer goes to the usual place."
        case (.deliveryFailed, .indonesian): "Maaf, jawaban untuk pertanyaan Anda tidak dapat dikirim. Silakan coba lagi."
        case (.deliveryFailed, .english): "Sorry, the answer to your question could not be delivered. Please try again."
        case (.rateLimited, .indonesian): "Pelan-pelan ya, pertanyaan Anda datang terlalu cepat. Tunggu sebentar lalu tanyakan lagi."
        case (.rateLimited, .english): "Easy does it: your questions are arriving too fast. Please wait a moment and ask again."
        }
    }
}
