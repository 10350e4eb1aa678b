internal import CRdKafka
import Logging
import Synchronization

/// State reachable from librdkafka callbacks through the handle's opaque pointer.
///
/// Delivery, error and rebalance callbacks run on the thread that polls the handle, which owns this object;
/// the log callback may run on librdkafka's threads and only touches the (Sendable) logger.
final class ClientContext: @unchecked Sendable {
    let logger: Logger
    /// Suppresses repeats of the same librdkafka line (a broker that stays down is reported on every reconnect).
    let repeats = LogRepeats()
    var onDelivery: ((DeliveryReport) -> Void)?
    var onError: ((KafkaError) -> Void)?
    var onStatistics: ((String) -> Void)?
    weak var consumer: KafkaConsumer?
    var rebalanceListener: (any RebalanceListener)?
    /// Topic names by topic handle, so that a record's topic costs no allocation after the first.
    private var topicNames: [UnsafeRawPointer: (cName: UnsafePointer<CChar>, name: String)] = [:]

    /// The name of a record's topic (the polling thread only).
    func topicName(_ rkt: OpaquePointer?) -> String {
        guard let rkt, let cName = rd_kafka_topic_name(rkt) else { return "" }
        let key = UnsafeRawPointer(rkt)
        if let known = topicNames[key], known.cName == cName { return known.name }
        let name = String(cString: cName)
        topicNames[key] = (cName, name)
        return name
    }

    init(logger: Logger) {
        self.logger = logger
    }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> ClientContext? {
        opaque.map { Unmanaged<ClientContext>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// Creates a client handle, wiring the callbacks to `context`, which must outlive the handle.
func makeHandle(type: rd_kafka_type_t, configuration: KafkaConfiguration, context: ClientContext,
                wantsDeliveryReports: Bool = false, wantsRebalance: Bool = false, wantsStatistics: Bool = false) throws -> OpaquePointer {
    let conf = try configuration.makeNativeConfig()
    rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())
    rd_kafka_conf_set_log_cb(conf, logTrampoline)
    rd_kafka_conf_set_error_cb(conf, errorTrampoline)
    if wantsDeliveryReports { rd_kafka_conf_set_dr_msg_cb(conf, deliveryTrampoline) }
    if wantsRebalance { rd_kafka_conf_set_rebalance_cb(conf, rebalanceTrampoline) }
    if wantsStatistics { rd_kafka_conf_set_stats_cb(conf, statisticsTrampoline) }
    var errstr = [CChar](repeating: 0, count: 512)
    guard let rk = rd_kafka_new(type, conf, &errstr, errstr.count) else {
        rd_kafka_conf_destroy(conf)
        throw KafkaError("cannot create Kafka client: \(cString(errstr))")
    }
    return rk
}

func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

// MARK: - C callbacks (global functions: never closures in main.swift, see kafka-notes)

private func logTrampoline(_ rk: OpaquePointer?, _ level: Int32, _ facility: UnsafePointer<CChar>?, _ buffer: UnsafePointer<CChar>?) {
    guard let rk, let context = ClientContext.from(rd_kafka_opaque(rk)) else { return }
    let swiftLevel = Logger.Level(syslog: level)
    guard context.logger.logLevel <= swiftLevel else { return }
    let text = buffer.map { String(cString: $0) } ?? ""
    let fac = facility.map { String(cString: $0) } ?? ""
    guard let repeated = context.repeats.admit(facility: fac, text: text) else { return }
    var metadata: Logger.Metadata = [LogKey.rdkafkaFacility: "\(fac)", LogKey.rdkafkaMessage: "\(text)"]
    if repeated > 0 { metadata[LogKey.rdkafkaRepeated] = "\(repeated)" }
    context.logger.log(level: swiftLevel, "librdkafka", metadata: metadata)
}

extension Logger.Level {
    /// The level of a syslog severity as librdkafka uses them (0 emergency ... 7 debug): a SASL or TLS failure
    /// (error) shows at the default level, connection chatter (debug) does not.
    init(syslog level: Int32) {
        switch level {
        case ...2: self = .critical
        case 3: self = .error
        case 4: self = .warning
        case 5: self = .notice
        case 6: self = .info
        default: self = .debug
        }
    }
}

/// Lets a log line through unless the same line (facility and text, digits aside: timings and counts vary) was
/// let through within the last minute; then says how many were held back. librdkafka reports a broker that
/// stays unreachable on every reconnect.
final class LogRepeats: Sendable {
    private let recent = Mutex<[String: (sinceMs: Int64, held: Int)]>([:])

    /// nil to hold the line back; else how many identical lines were held back before it.
    func admit(facility: String, text: String, nowMs: Int64 = monotonicMs()) -> Int? {
        let key = facility + "|" + String(text.unicodeScalars.filter { !("0"..."9").contains($0) })
        return recent.withLock { lines in
            if let entry = lines[key], nowMs - entry.sinceMs < 60_000 {
                lines[key] = (entry.sinceMs, entry.held + 1)
                return nil
            }
            let held = lines[key]?.held ?? 0
            if lines.count > 1_000 { lines.removeAll() }
            lines[key] = (nowMs, 0)
            return held
        }
    }
}

private func errorTrampoline(_ rk: OpaquePointer?, _ err: Int32, _ reason: UnsafePointer<CChar>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let context = ClientContext.from(opaque) else { return }
    let code = rd_kafka_resp_err_t(rawValue: err)
    var fatal = false
    if code == RD_KAFKA_RESP_ERR__FATAL, let rk {
        var buf = [CChar](repeating: 0, count: 512)
        let underlying = rd_kafka_fatal_error(rk, &buf, buf.count)
        context.onError?(KafkaError(code: underlying, message: cString(buf), isFatal: true))
        fatal = true
    }
    if !fatal {
        context.onError?(KafkaError(code: code, message: reason.map { String(cString: $0) }))
    }
}

private func deliveryTrampoline(_ rk: OpaquePointer?, _ message: UnsafePointer<rd_kafka_message_t>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let message, let context = ClientContext.from(opaque), let onDelivery = context.onDelivery else { return }
    let m = message.pointee
    let token = UInt64(UInt(bitPattern: m._private))
    let topic = context.topicName(m.rkt)
    var report = DeliveryReport(token: token, error: nil, topic: topic, partition: m.partition, offset: m.offset, failedMessage: nil)
    if m.err != RD_KAFKA_RESP_ERR_NO_ERROR {
        report.error = KafkaError(code: m.err)
        report.failedMessage = OutboundMessage(
            topic: topic, partition: m.partition >= 0 ? m.partition : nil,
            key: copyBytes(m.key, m.key_len), value: copyBytes(m.payload, m.len),
            headers: copyHeaders(message))
    }
    onDelivery(report)
}

private func statisticsTrampoline(_ rk: OpaquePointer?, _ json: UnsafeMutablePointer<CChar>?, _ length: Int, _ opaque: UnsafeMutableRawPointer?) -> Int32 {
    guard let json, let context = ClientContext.from(opaque) else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: json, count: length), as: UTF8.self)
    context.onStatistics?(text)
    return 0  // librdkafka frees the JSON
}

private func rebalanceTrampoline(_ rk: OpaquePointer?, _ err: rd_kafka_resp_err_t,
                                 _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
                                 _ opaque: UnsafeMutableRawPointer?) {
    guard let rk, let partitions, let context = ClientContext.from(opaque) else { return }
    context.consumer?.handleRebalance(rk: rk, err: err, partitions: partitions)
}

// MARK: - Copying out of librdkafka

func copyBytes(_ pointer: UnsafeMutableRawPointer?, _ count: Int) -> [UInt8]? {
    guard let pointer else { return nil }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
}

func copyHeaders(_ message: UnsafePointer<rd_kafka_message_t>) -> [MessageHeader] {
    var hdrs: OpaquePointer?
    guard rd_kafka_message_headers(message, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR, let hdrs else { return [] }
    var result: [MessageHeader] = []
    var index = 0
    var name: UnsafePointer<CChar>?
    var value: UnsafeRawPointer?
    var size = 0
    while rd_kafka_header_get_all(hdrs, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
        let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
        result.append(MessageHeader(name.map { String(cString: $0) } ?? "", bytes))
        index += 1
    }
    return result
}

/// Converts a C partition list to Swift values.
func partitionList(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartition] {
    let l = list.pointee
    return (0..<Int(l.cnt)).map { i in
        TopicPartition(String(cString: l.elems[i].topic), l.elems[i].partition)
    }
}

/// Builds a C partition list; the caller destroys it.
func makePartitionList(_ entries: [(TopicPartition, Int64)]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
    let list = rd_kafka_topic_partition_list_new(Int32(max(entries.count, 1)))!
    for (tp, offset) in entries {
        rd_kafka_topic_partition_list_add(list, tp.topic, tp.partition).pointee.offset = offset
    }
    return list
}
