//! The envelope each record is stored in: the app's JSON value plus a revision and a save time.
//!
//! Stored form: `{"rev": 3, "saved_at": 1764000000000, "data": { ... }}`. The revision goes up by
//! one with every write, so a tab can tell whether another tab wrote since it last looked (see
//! [`cross_tab`](super::cross_tab)). Envelope fields this version does not know are kept and written
//! back, so data from a slightly newer build is never trimmed.

use std::error::Error;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::domain::date::UnixMs;

/// A record as the store holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The app's own data, exactly as the app gave it (unknown fields included).
    pub data: Value,
    /// How many times this record has been written; 1 after the first save.
    pub rev: u64,
    /// When it was last written (milliseconds since the Unix epoch).
    pub saved_at: UnixMs,
    /// Envelope fields this version does not know, kept for the next write.
    pub extra: Map<String, Value>,
}

impl Record {
    /// A record that has never been written.
    pub fn new(data: Value) -> Self {
        Record {
            data,
            rev: 0,
            saved_at: 0,
            extra: Map::new(),
        }
    }

    /// Reads a stored envelope. Fails, with a reason a person can read, when the text is damaged,
    /// cut short or not shaped like an envelope.
    pub fn decode(raw: &str) -> Result<Record, RecordError> {
        let value: Value = serde_json::from_str(raw).map_err(RecordError::from_json)?;
        Record::from_value(value)
    }

    /// Reads an envelope that has already been parsed as JSON (a record inside a backup file).
    pub fn from_value(value: Value) -> Result<Record, RecordError> {
        let Value::Object(mut map) = value else {
            return Err(RecordError::NotAnEnvelope);
        };
        // Passcode lock hook: a sealed value that reaches here is one the sealed backend could
        // not open (see crypto::sealed_backend); say so rather than "no data in it".
        if map.contains_key(crate::storage::crypto::sealed::SEALED_FIELD)
            && !map.contains_key("data")
        {
            return Err(RecordError::WontOpen);
        }
        let rev = match map.remove("rev") {
            Some(Value::Number(n)) => n.as_u64().ok_or(RecordError::BadRevision)?,
            _ => return Err(RecordError::BadRevision),
        };
        let saved_at = match map.remove("saved_at") {
            Some(Value::Number(n)) => n.as_i64().ok_or(RecordError::BadSavedAt)?,
            _ => return Err(RecordError::BadSavedAt),
        };
        let data = map.remove("data").ok_or(RecordError::MissingData)?;
        Ok(Record {
            data,
            rev,
            saved_at,
            extra: map,
        })
    }

    /// A stored envelope's data read straight into the app's type, without the JSON value
    /// [`Record::decode`] builds on the way (about a third less work, `docs/build.md`), for a
    /// record a first screen needs before the store has read it (see
    /// [`Store::read_deferred_as`]).
    ///
    /// `None` when the text is damaged, is not an envelope (as [`Record::decode`] judges: a
    /// revision from 0 up, a whole-number save time, data present) or its data doesn't fit `T`;
    /// the caller then reads it the usual way, which says why and sets it aside.
    ///
    /// [`Store::read_deferred_as`]: super::store::Store::read_deferred_as
    pub fn data_from_text<T: DeserializeOwned>(raw: &str) -> Option<T> {
        serde_json::from_str::<TypedEnvelope<T>>(raw)
            .ok()
            .map(|envelope| envelope.data)
    }

    /// The envelope as a JSON value.
    pub fn to_value(&self) -> Value {
        let mut map = self.extra.clone();
        map.insert("rev".into(), Value::from(self.rev));
        map.insert("saved_at".into(), Value::from(self.saved_at));
        map.insert("data".into(), self.data.clone());
        Value::Object(map)
    }

    /// The stored text of the envelope.
    pub fn encode(&self) -> String {
        self.to_value().to_string()
    }
}

/// The stored envelope with its data in the app's type, for [`Record::data_from_text`]. The
/// revision and save time are only checked, as [`Record::decode`] checks them; envelope fields
/// this version doesn't know are passed over.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct TypedEnvelope<T> {
    data: T,
    #[serde(rename = "rev")]
    _rev: u64,
    #[serde(rename = "saved_at")]
    _saved_at: UnixMs,
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The text stops part-way through, as after an interrupted write.
    CutShort,
    /// The text is not valid JSON.
    NotJson {
        /// Line of the first problem, from 1.
        line: usize,
        /// Column of the first problem, from 1.
        column: usize,
    },
    /// The JSON is not an object with `rev`, `saved_at` and `data`.
    NotAnEnvelope,
    /// `rev` is missing or not a whole number from 0 up.
    BadRevision,
    /// `saved_at` is missing or not a whole number.
    BadSavedAt,
    /// `data` is missing.
    MissingData,
    /// It is locked (sealed with the passcode lock's key) and does not open with this device's
    /// key: changed, cut short or moved since it was saved.
    WontOpen,
    /// The app could not make sense of the record's data (reported through
    /// [`Store::quarantine`](super::store::Store::quarantine)).
    App(String),
}

impl RecordError {
    /// Turns a JSON parse error into a reason, telling "cut short" from "damaged".
    pub fn from_json(e: serde_json::Error) -> Self {
        if e.is_eof() {
            RecordError::CutShort
        } else {
            RecordError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::CutShort => write!(f, "the saved text stops part-way through"),
            RecordError::NotJson { .. } => write!(f, "the saved text is damaged"),
            RecordError::NotAnEnvelope => write!(f, "the saved text is not in the expected shape"),
            RecordError::BadRevision => {
                write!(f, "the saved revision number is missing or damaged")
            }
            RecordError::BadSavedAt => write!(f, "the saved time is missing or damaged"),
            RecordError::MissingData => write!(f, "the saved record has no data in it"),
            RecordError::WontOpen => write!(
                f,
                "the saved text is locked and doesn't open with this device's key: it has been \
                 changed or cut short since it was saved"
            ),
            RecordError::App(reason) => write!(f, "{reason}"),
        }
    }
}

impl Error for RecordError {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_envelope_round_trips_with_its_unknown_fields() {
        let raw = r#"{"rev":4,"saved_at":1700,"data":{"text":"hope"},"written_by":"v9"}"#;
        let record = Record::decode(raw).unwrap();
        assert_eq!(record.rev, 4);
        assert_eq!(record.data, json!({"text": "hope"}));
        let again = Record::decode(&record.encode()).unwrap();
        assert_eq!(again, record);
        assert_eq!(again.extra["written_by"], json!("v9"));
    }

    #[test]
    fn cut_short_text_is_told_apart_from_damaged_text() {
        assert_eq!(
            Record::decode(r#"{"rev":1,"saved_at":1,"da"#),
            Err(RecordError::CutShort)
        );
        assert!(matches!(
            Record::decode("{rev: 1}"),
            Err(RecordError::NotJson { line: 1, .. })
        ));
    }

    #[test]
    fn data_read_straight_from_text_matches_the_decoded_record() {
        let raw = r#"{"data":{"text":"hope","new":[1]},"rev":4,"saved_at":1700,"by":"v9"}"#;
        let decoded = Record::decode(raw).unwrap();
        let direct: Value = Record::data_from_text(raw).unwrap();
        assert_eq!(direct, decoded.data);
        let text: Option<std::collections::BTreeMap<String, Value>> = Record::data_from_text(raw);
        assert_eq!(text.unwrap()["text"], json!("hope"));
    }

    #[test]
    fn text_the_envelope_decoder_refuses_is_refused_straight_from_text_too() {
        for raw in [
            r#"{"rev":1,"saved_at":1,"da"#,
            "[1,2]",
            r#"{"rev":-1,"saved_at":1,"data":1}"#,
            r#"{"rev":1,"saved_at":"today","data":1}"#,
            r#"{"rev":1,"saved_at":1}"#,
            r#"{"rev":1,"saved_at":1,"sealed":{"v":1}}"#,
        ] {
            assert!(Record::decode(raw).is_err(), "{raw}");
            assert_eq!(Record::data_from_text::<Value>(raw), None, "{raw}");
        }
        // Data of the wrong shape for the type asked for.
        assert_eq!(
            Record::data_from_text::<u32>(r#"{"data":"three","rev":1,"saved_at":1}"#),
            None
        );
    }

    #[test]
    fn envelopes_of_the_wrong_shape_are_refused() {
        assert_eq!(Record::decode("[1,2]"), Err(RecordError::NotAnEnvelope));
        assert_eq!(
            Record::decode(r#"{"rev":-1,"saved_at":1,"data":1}"#),
            Err(RecordError::BadRevision)
        );
        assert_eq!(
            Record::decode(r#"{"rev":1,"saved_at":"today","data":1}"#),
            Err(RecordError::BadSavedAt)
        );
        assert_eq!(
            Record::decode(r#"{"rev":1,"saved_at":1}"#),
            Err(RecordError::MissingData)
        );
    }
}
