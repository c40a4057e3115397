//! Exported files are indented by `storage::pretty_json`, not by serde_json's pretty writer
//! (one `Serialize` copy per type in the wasm). These check that the text is the same.
#![cfg(not(target_arch = "wasm32"))]

use pla_workshop::storage::format::{read, Envelope};
use pla_workshop::storage::pretty_json::indent;
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn the_example_file_is_indented_as_serde_json_indents_it() {
    let envelope: Envelope =
        read(include_str!("../examples/phase-zero-workshop.json")).expect("the example reads");
    let ours = envelope.to_pretty_json();
    assert_eq!(ours, serde_json::to_string_pretty(&envelope).unwrap());
    assert!(
        ours.contains("\n  \"workshops\": [\n    {"),
        "{}",
        &ours[..200]
    );
}

#[test]
fn empty_containers_stay_on_one_line_and_strings_keep_their_punctuation() {
    let value: Value = serde_json::from_str(
        r#"{"a":[],"b":{},"c":"{[,:]} \"quoted\" \\","d":[{},[[]],"x\\"],"e":-1.5e-7}"#,
    )
    .unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_eq!(
        indent(&compact),
        serde_json::to_string_pretty(&value).unwrap()
    );
    assert!(indent(&compact).contains("\"a\": [],\n  \"b\": {},"));
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        // Quotes, backslashes, brackets, commas, colons, control characters and non-ASCII.
        "[\"\\\\{}\\[\\],: \\n\\t\\u{1}aé漢]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z\",:{}]{0,4}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_value_is_indented_exactly_as_serde_json_indents_it(value in any_json()) {
        let compact = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(indent(&compact), serde_json::to_string_pretty(&value).unwrap());
    }
}
