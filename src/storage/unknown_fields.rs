//! Keeping fields this version does not know through a typed decode and save, at every depth.
//!
//! When the app decodes a record into its own struct and saves it back, serde drops any field the
//! struct does not name: a field added by a newer build would be lost on the first save, whether
//! it sits at the top of the record or inside one of a draft's sections.
//!
//! [`keep_unknown_at_depth`] finds those fields by a round trip: the stored value is decoded into
//! the app's type and encoded again; whatever the round trip lost is what this version does not
//! know. Those fields are copied into the value about to be saved, at the same place: inside the
//! same object, and inside the same list item (matched by its `"id"` when items have one, by
//! position when the list kept its length). A field the app knows is never brought back, so a
//! value the app cleared stays cleared.
//!
//! [`known_fields`] (the top-level field list a derive asks for) is kept for callers that only
//! need the names.

use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};

/// `new`, with every field of `previous` that `T` does not know added back where it was, at any
/// depth. `previous` is what is stored now; `new` is the app's value about to be saved.
///
/// If `previous` does not decode as `T` (it is not the app's data at all), `new` is returned as
/// it is: there is nothing to tell known from unknown by.
pub fn keep_unknown_at_depth<T: Serialize + DeserializeOwned>(
    previous: Option<&Value>,
    new: Value,
) -> Value {
    let Some(previous) = previous else {
        return new;
    };
    let Some(round_trip) = T::deserialize(previous)
        .ok()
        .and_then(|decoded| serde_json::to_value(decoded).ok())
    else {
        return new;
    };
    let mut new = new;
    carry_unknown(previous, &round_trip, &mut new);
    new
}

/// Copies into `new` whatever `old` holds that `known` (its round trip) lost, recursively.
fn carry_unknown(old: &Value, known: &Value, new: &mut Value) {
    match (old, known, new) {
        (Value::Object(old), Value::Object(known), Value::Object(new)) => {
            for (name, old_value) in old {
                match known.get(name) {
                    // Not known at all: the whole field goes back, unless the app set it itself.
                    None => {
                        if !new.contains_key(name) {
                            new.insert(name.clone(), old_value.clone());
                        }
                    }
                    Some(known_value) => {
                        if let Some(new_value) = new.get_mut(name) {
                            carry_unknown(old_value, known_value, new_value);
                        }
                    }
                }
            }
        }
        (Value::Array(old), Value::Array(known), Value::Array(new)) if old.len() == known.len() => {
            let same_length = old.len() == new.len();
            for (index, (old_item, known_item)) in old.iter().zip(known).enumerate() {
                let target = match item_id(old_item) {
                    Some(id) => new.iter_mut().find(|item| item_id(item) == Some(id)),
                    None if same_length => new.get_mut(index),
                    None => None,
                };
                if let Some(new_item) = target {
                    carry_unknown(old_item, known_item, new_item);
                }
            }
        }
        _ => {}
    }
}

/// The `"id"` of a list item that has one (sections, entries), to match it across a save even
/// when items were added, removed or reordered.
fn item_id(item: &Value) -> Option<&Value> {
    item.as_object()
        .and_then(|map: &Map<String, Value>| map.get("id"))
        .filter(|id| !id.is_null())
}

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

    #[derive(Serialize, Deserialize)]
    struct Section {
        id: u32,
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    struct Draft {
        title: String,
        sections: Vec<Section>,
    }

    #[test]
    fn fields_inside_list_items_survive_a_typed_save_even_when_items_move() {
        let stored = json!({
            "title": "Essay",
            "font": "serif",
            "sections": [
                {"id": 1, "text": "One", "colour": "blue", "meta": {"a": 1}},
                {"id": 2, "text": "Two", "colour": "green"}
            ]
        });
        let mut draft: Draft = serde_json::from_value(stored.clone()).unwrap();
        draft.sections.reverse();
        draft.sections[0].text = "Two, edited".into();
        let saved =
            keep_unknown_at_depth::<Draft>(Some(&stored), serde_json::to_value(&draft).unwrap());
        assert_eq!(
            saved,
            json!({
                "title": "Essay",
                "font": "serif",
                "sections": [
                    {"id": 2, "text": "Two, edited", "colour": "green"},
                    {"id": 1, "text": "One", "colour": "blue", "meta": {"a": 1}}
                ]
            })
        );
    }

    #[test]
    fn a_known_field_cleared_inside_a_list_item_stays_cleared() {
        let stored = json!({"title": "t", "sections": [{"id": 1, "text": "x", "note": "n"}]});
        let mut draft: Draft = serde_json::from_value(stored.clone()).unwrap();
        draft.sections[0].note = None;
        let saved =
            keep_unknown_at_depth::<Draft>(Some(&stored), serde_json::to_value(&draft).unwrap());
        assert_eq!(
            saved,
            json!({"title": "t", "sections": [{"id": 1, "text": "x"}]})
        );
    }

    #[test]
    fn a_removed_item_takes_its_unknown_fields_with_it() {
        let stored = json!({"title": "t", "sections": [
            {"id": 1, "text": "a", "extra": 1},
            {"id": 2, "text": "b", "extra": 2}
        ]});
        let mut draft: Draft = serde_json::from_value(stored.clone()).unwrap();
        draft.sections.remove(0);
        let saved =
            keep_unknown_at_depth::<Draft>(Some(&stored), serde_json::to_value(&draft).unwrap());
        assert_eq!(
            saved,
            json!({"title": "t", "sections": [{"id": 2, "text": "b", "extra": 2}]})
        );
    }

    #[test]
    fn types_that_are_not_plain_structs_report_no_field_list() {
        assert_eq!(known_fields::<Vec<String>>(), None);
        assert_eq!(known_fields::<String>(), None);
        assert_eq!(known_fields::<serde_json::Map<String, Value>>(), None);
    }
}
