/// The routes of `understanding.yaml`: (entity, aspect, form) to an intent, tried in order.
struct RouteTable: Sendable {
    struct Row: Sendable {
        /// nil: any entity; "none": no entity.
        var entity: String?
        /// `entity` as a number: ``anyEntity``, ``noEntity`` or the index of a topic.
        var entityCode: Int8 = RouteTable.anyEntity
        /// nil: any aspect; -1: no aspect.
        var aspect: Int?
        /// Empty: any form.
        var form: QuestionForms
        var intent: Int
    }

    let rows: [Row]
    /// The topic names, in the order of their codes.
    let topics: [String]
    static let anyEntity: Int8 = -1
    static let noEntity: Int8 = -2

    /// Compiles the rows, checking every aspect, form and intent they name.
    init(spec: [RouteSpec], aspects: [String], intents: [String: Int], topics: [String]) throws {
        var rows: [Row] = []
        for route in spec {
            func problem(_ reason: String) -> PackError { PackError(path: "understanding.yaml", reason: "route to \(route.intent): \(reason)") }
            guard let intent = intents[route.intent] else { throw problem("unknown intent") }
            var row = Row(entity: route.entity, aspect: nil, form: [], intent: intent)
            if let entity = route.entity {
                if entity == "none" {
                    row.entityCode = Self.noEntity
                } else if let index = topics.firstIndex(of: entity) {
                    row.entityCode = Int8(index)
                } else {
                    throw problem("unknown entity \(entity)")
                }
            }
            if let aspect = route.aspect {
                if aspect == "none" {
                    row.aspect = -1
                } else if let index = aspects.firstIndex(of: aspect) {
                    row.aspect = index
                } else {
                    throw problem("unknown aspect \(aspect)")
                }
            }
            if let form = route.form {
                guard let parsed = QuestionForms(name: form) else { throw problem("unknown form \(form)") }
                row.form = parsed
            }
            rows.append(row)
        }
        self.rows = rows
        self.topics = topics
    }

    /// The intent for `entity` (nil: none named) asked about `aspect` (-1: none) in `forms`. A message that
    /// names no side and matches no `none` row is read as about both sides.
    func intent(entity: String?, aspect: Int, forms: QuestionForms) -> Int? {
        if let found = first(code(of: entity), aspect, forms) { return found }
        return entity == nil ? first(code(of: "both"), aspect, forms) : nil
    }

    /// The code of a topic name (nil: no entity); an unknown name matches only rows for any entity.
    private func code(of entity: String?) -> Int8 {
        guard let entity else { return Self.noEntity }
        let count = entity.utf8.count
        for (index, topic) in topics.enumerated() where topic.utf8.count == count && topic == entity { return Int8(index) }
        return -3
    }

    private func first(_ entity: Int8, _ aspect: Int, _ forms: QuestionForms) -> Int? {
        for row in rows {
            if row.entityCode != Self.anyEntity, row.entityCode != entity { continue }
            if let wanted = row.aspect, wanted != aspect { continue }
            if !row.form.isEmpty, !forms.contains(row.form) { continue }
            return row.intent
        }
        return nil
    }
}
