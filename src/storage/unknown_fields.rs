//! Keeping fields this version does not know through a typed decode and save.
//!
//! When the app decodes a record into its own struct and saves it back, serde drops any field the
//! struct does not name: a field added by a newer build would be lost on the first save. Before a
//! typed save, the store asks serde which top-level fields the type knows (a derive passes them to
//! the deserializer) and copies every other field of the stored value across unchanged.
//!
//! This covers top-level fields. A domain type that wants the same inside nested objects keeps a
//! `#[serde(flatten)] extra: serde_json::Map<String, Value>` field of its own.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;

/// The top-level field names a type's `Deserialize` derive knows, or `None` when the type is not
/// a plain struct (a map, an enum, or a struct using `flatten`, which keeps its own extras).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Draft { title: String, #[serde(rename = "body_text")] body: String }
/// let fields = peer_study::storage::unknown_fields::known_fields::<Draft>();
/// assert_eq!(fields, Some(&["title", "body_text"][..]));
/// ```
pub fn known_fields<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    let mut found = None;
    let _ = T::deserialize(FieldProbe { found: &mut found });
    found
}

/// `new`, with every top-level field of `previous` that the type does not know added back.
///
/// Fields the type knows are never resurrected: if the app cleared one, it stays cleared.
pub fn keep_unknown_fields(previous: Option<&Value>, new: Value, known: Option<&[&str]>) -> Value {
    match (previous, new, known) {
        (Some(Value::Object(old)), Value::Object(mut fresh), Some(known)) => {
            for (name, value) in old {
                if !known.contains(&name.as_str()) && !fresh.contains_key(name) {
                    fresh.insert(name.clone(), value.clone());
                }
            }
            Value::Object(fresh)
        }
        (_, new, _) => new,
    }
}

/// A deserializer that records the field list a derived struct asks for, then stops.
struct FieldProbe<'a> {
    found: &'a mut Option<&'static [&'static str]>,
}

#[derive(Debug)]
struct ProbeDone;

impl fmt::Display for ProbeDone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field probe finished")
    }
}

impl std::error::Error for ProbeDone {}

impl de::Error for ProbeDone {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        ProbeDone
    }
}

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = ProbeDone;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, ProbeDone> {
        Err(ProbeDone)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, ProbeDone> {
        *self.found = Some(fields);
        Err(ProbeDone)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    #[derive(Serialize, Deserialize)]
    struct Note {
        title: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        due: Option<String>,
    }

    #[test]
    fn fields_from_a_newer_build_survive_a_typed_save() {
        let stored = json!({"title": "Week 1", "mood": "hopeful", "tags": ["a"]});
        let note: Note = serde_json::from_value(stored.clone()).unwrap();
        let saved = keep_unknown_fields(
            Some(&stored),
            serde_json::to_value(&note).unwrap(),
            known_fields::<Note>(),
        );
        assert_eq!(
            saved,
            json!({"title": "Week 1", "mood": "hopeful", "tags": ["a"]})
        );
    }

    #[test]
    fn a_known_field_the_app_cleared_is_not_brought_back() {
        let stored = json!({"title": "Week 1", "due": "2026-01-05"});
        let cleared = Note {
            title: "Week 1".into(),
            due: None,
        };
        let saved = keep_unknown_fields(
            Some(&stored),
            serde_json::to_value(&cleared).unwrap(),
            known_fields::<Note>(),
        );
        assert_eq!(saved, json!({"title": "Week 1"}));
    }

    #[test]
    fn types_that_are_not_plain_structs_report_no_field_list() {
        assert_eq!(known_fields::<Vec<String>>(), None);
        assert_eq!(known_fields::<String>(), None);
        assert_eq!(known_fields::<serde_json::Map<String, Value>>(), None);
    }
}
