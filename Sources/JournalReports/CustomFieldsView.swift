import Mustache

/// An entry's custom fields for a template: `{{fields.team}}` names one (nothing when the entry
/// lacks it: a missing field never falls back to a name of the enclosing context), and
/// `{{#fieldList}}{{key}}: {{value}}{{/fieldList}}` lists them all in key order.
struct CustomFieldsView: MustacheParent {
    struct Pair: MustacheParent {
        let key: String
        let value: String
        func child(named name: String) -> Any? {
            switch name {
            case "key": return key
            case "value": return value
            default: return nil
            }
        }
    }

    let values: [String: String]
    let list: [Pair]

    init(_ values: [String: String]) {
        self.values = values
        list = values.keys.sorted().map { Pair(key: $0, value: values[$0]!) }
    }

    func child(named name: String) -> Any? { values[name] }
}
