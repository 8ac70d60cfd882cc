//! The schema version and the meta record that stores it.
//!
//! Schema history (each step has a migration in [`migrate`](super::migrate)):
//! - **1**: the foundation build. No meta record; two plain-string keys, `peer-study.theme`
//!   ("system" | "light" | "dark") and `peer-study.text-size` ("standard" | "large" | "larger").
//! - **2**: a meta record at `peer-study/meta`; every record in its own key under
//!   `peer-study/`, wrapped in a [`Record`](super::record::Record) envelope; display settings in
//!   `peer-study/settings` as `{"theme": ..., "text_size": ...}`.
//! - **3** (current): each draft's version history (`peer-study/history/<id>`) writes every
//!   distinct section once, in `section_versions`, and each snapshot lists its sections by their
//!   place in it, instead of every snapshot holding the whole draft.

use serde_json::{Map, Value};

/// The schema version this build reads and writes.
pub const CURRENT_VERSION: u32 = 3;

/// The oldest schema version this build can migrate from.
pub const OLDEST_VERSION: u32 = 1;

/// The meta record: `{"schema_version": 3}`, plus any fields a newer build added (kept).
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Which schema version the stored data follows.
    pub schema_version: u32,
    /// Fields this build does not know, written back unchanged.
    pub extra: Map<String, Value>,
}

impl Meta {
    /// The meta record for data in the current schema.
    pub fn current() -> Self {
        Meta {
            schema_version: CURRENT_VERSION,
            extra: Map::new(),
        }
    }

    /// Reads a stored meta record; `None` if it is damaged or its version is not a whole number
    /// from 1 up (then nobody can say which version wrote the data).
    pub fn decode(raw: &str) -> Option<Meta> {
        let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(raw) else {
            return None;
        };
        let version = map.remove("schema_version")?.as_u64()?;
        let schema_version = u32::try_from(version).ok().filter(|v| *v >= 1)?;
        Some(Meta {
            schema_version,
            extra: map,
        })
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        let mut map = self.extra.clone();
        map.insert("schema_version".into(), Value::from(self.schema_version));
        Value::Object(map).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_record_keeps_fields_from_a_newer_build() {
        let meta = Meta::decode(r#"{"schema_version":2,"device":"phone"}"#).unwrap();
        assert_eq!(meta.schema_version, 2);
        assert_eq!(Meta::decode(&meta.encode()), Some(meta));
    }

    #[test]
    fn a_damaged_meta_record_has_no_version() {
        for raw in [
            "",
            "{",
            "[]",
            r#"{"schema_version":"2"}"#,
            r#"{"schema_version":0}"#,
            r#"{"schema_version":-3}"#,
            r#"{"schema_version":99999999999}"#,
        ] {
            assert_eq!(Meta::decode(raw), None, "{raw}");
        }
    }
}
