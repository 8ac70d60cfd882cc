//! Backing up everything to one JSON file, and reading one back safely.
//!
//! The file: `{ "type": "peer-study-backup", "version": N, "exported_at": "...", "source":
//! "Peer Study", "data": { "<storage key>": <record envelope>, ... } }`. Version N is the schema
//! version of the data; for version 1 the values are the plain stored strings.
//!
//! [`parse_backup`] checks everything before anything changes: size, nesting depth, JSON, type,
//! version (older versions are migrated with the same steps as stored data, newer ones refused),
//! every record, and that the whole would fit in the browser's storage. Only then can the app show
//! the [`BackupSummary`] and call [`Store::restore_replace`] or [`Store::restore_merge`].
//!
//! Text inside a backup is kept exactly as text: HTML or script in a note is just characters. The
//! interface must never render any of it as HTML.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::backend::{storage_units, Backend, BROWSER_QUOTA_UNITS};
use super::keys::{self, KeyClass, RecordKind};
use super::migrate::{self, MigrationError, Snapshot};
use super::quarantine::{QuarantineEntry, SetAsideKind};
use super::record::{Record, RecordError};
use super::record_types;
use super::schema::{CURRENT_VERSION, OLDEST_VERSION};
use super::store::Store;

mod encrypted;
mod error;
mod restore;

/// A backup file's size in words ("480 KB"): the same words the "My data" page uses for storage.
pub use super::usage::format_size as file_size;
use crate::domain::date::{format_instant_utc, CalendarDate, UnixMs};
pub use encrypted::{
    encrypt_backup, read_backup_file, BackupFile, EncryptBackupError, EncryptedBackup,
};
pub use error::BackupError;
pub use restore::{ReplaceChange, ReplaceEffect, RestoreReport};

/// What the `type` field of a Peer Study backup says.
pub const BACKUP_TYPE: &str = "peer-study-backup";

/// The largest backup file accepted: 20 MB. Browser storage holds about 5 MiB, so a real backup is
/// far smaller; anything bigger is refused before it is even parsed.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// The deepest nesting of arrays and objects accepted. Real data nests a handful of levels.
pub const MAX_DEPTH: usize = 64;

/// A checked backup, ready to summarise and restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// What it holds, for the interface.
    pub summary: BackupSummary,
    /// Every record, by storage key, in the current schema.
    pub records: BTreeMap<String, Record>,
    /// Set-aside copies it carries.
    pub set_aside: Vec<QuarantineEntry>,
}

/// What a backup holds, for the "restore" screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// The schema version the file was written in.
    pub version: u32,
    /// When it was made, as written in the file ("2026-11-21T09:54:19Z").
    pub exported_at: String,
    /// What it holds of each kind, counted as the trainee counts it (drafts, reflections, saved
    /// versions...; see [`record_types::things_in`]), only kinds it holds, in [`RecordKind::ALL`]
    /// order. [`record_types::summary_line`] puts one in words.
    pub counts: Vec<(RecordKind, usize)>,
    /// How many set-aside copies it carries.
    pub set_aside: usize,
    /// The earliest save time among its records.
    pub oldest_saved_at: Option<UnixMs>,
    /// The latest save time among its records.
    pub newest_saved_at: Option<UnixMs>,
    /// How much browser storage it would take, in UTF-16 units (see [`BROWSER_QUOTA_UNITS`]).
    pub storage_units: u64,
}

impl BackupSummary {
    /// Whether the backup holds no records at all (warn before a replace).
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// Checks a backup file completely; see the module documentation. `now` stamps records a
/// migration creates. Records the storage layer knows the type of (display settings) are decoded.
pub fn parse_backup(text: &str, now: UnixMs) -> Result<Backup, BackupError> {
    parse_backup_with(text, now, |_, _| Ok(()))
}

/// [`parse_backup`], with the app's own check for each record: `check(key, data)` decodes the
/// data into its domain type and returns a reason when it does not fit. A single refusal refuses
/// the whole file, before anything changes.
pub fn parse_backup_with(
    text: &str,
    now: UnixMs,
    check: impl Fn(&str, &Value) -> Result<(), String>,
) -> Result<Backup, BackupError> {
    let FileHead {
        mut top,
        version,
        exported_at,
        file_bytes,
    } = read_head(text)?;
    if is_encrypted(&top)? {
        return Err(BackupError::Encrypted);
    }
    let data = match top.remove("data") {
        None => return Err(BackupError::MissingField("data")),
        Some(Value::Object(map)) => map,
        Some(_) => {
            return Err(BackupError::WrongFieldType {
                field: "data",
                expected: "a set of named records",
            })
        }
    };

    let mut snapshot = Snapshot::new();
    let mut set_aside = Vec::new();
    for (key, value) in data {
        match keys::classify(&key) {
            KeyClass::Meta => {}
            KeyClass::Quarantine => {
                let entry = QuarantineEntry::from_value(&key, Some(value)).ok_or_else(|| {
                    BackupError::BadRecord {
                        name: keys::short_name(&key).to_owned(),
                        reason: "a set-aside copy is not in the expected shape".into(),
                    }
                })?;
                set_aside.push(entry);
            }
            KeyClass::Legacy if version == 1 => {
                let Value::String(raw) = value else {
                    return Err(BackupError::BadRecord {
                        name: key,
                        reason: "it should be plain text".into(),
                    });
                };
                snapshot.insert(key, raw);
            }
            KeyClass::Record(_) if version >= 2 && plain_name(&key) => {
                if !value.is_object() {
                    return Err(BackupError::BadRecord {
                        name: keys::short_name(&key).to_owned(),
                        reason: RecordError::NotAnEnvelope.to_string(),
                    });
                }
                snapshot.insert(key, value.to_string());
            }
            _ => return Err(BackupError::NotOurData { key }),
        }
    }

    let migrated = migrate::migrate(&snapshot, version, now).map_err(|e| match e {
        MigrationError::NewerThanApp { found } => BackupError::NewerVersion {
            found: u64::from(found),
        },
        other => BackupError::MigrationFailed(other.to_string()),
    })?;
    for aside in migrated.set_aside {
        set_aside.push(QuarantineEntry::new(
            &aside.key,
            aside.raw,
            aside.reason,
            SetAsideKind::Superseded,
            now,
            |_| false,
        ));
    }

    // Every record is decoded with the app's own types before anything changes; every one that
    // doesn't fit is named, so the trainee hears about all of them at once.
    let mut records = BTreeMap::new();
    let mut wrong_shape = Vec::new();
    for (key, raw) in migrated.snapshot {
        let name = keys::short_name(&key).to_owned();
        let record = Record::decode(&raw).map_err(|reason| BackupError::BadRecord {
            name: name.clone(),
            reason: reason.to_string(),
        })?;
        if let Err(wrong) = record_types::check_record(&key, &record.data) {
            wrong_shape.push(wrong.what);
            continue;
        }
        check(&key, &record.data).map_err(|reason| BackupError::BadRecord { name, reason })?;
        records.insert(key, record);
    }
    if !wrong_shape.is_empty() {
        return Err(BackupError::WrongShape { what: wrong_shape });
    }

    let storage_units: u64 = records
        .iter()
        .map(|(k, r)| storage_units(k, &r.encode()))
        .chain(set_aside.iter().map(|e| storage_units(&e.key, &e.encode())))
        .sum();
    if storage_units > BROWSER_QUOTA_UNITS {
        return Err(BackupError::TooBigForStorage {
            units: storage_units,
            file_bytes,
        });
    }

    let counts = RecordKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<_> = records
                .iter()
                .filter(|(k, _)| keys::classify(k) == KeyClass::Record(kind))
                .collect();
            (!of_kind.is_empty()).then(|| {
                let n = of_kind
                    .iter()
                    .map(|(k, r)| record_types::things_in(k, &r.data))
                    .sum();
                (kind, n)
            })
        })
        .collect();
    let summary = BackupSummary {
        version,
        exported_at,
        counts,
        set_aside: set_aside.len(),
        oldest_saved_at: records.values().map(|r| r.saved_at).min(),
        newest_saved_at: records.values().map(|r| r.saved_at).max(),
        storage_units,
    };
    Ok(Backup {
        summary,
        records,
        set_aside,
    })
}

/// The readable head of a backup file, checked: what every backup says about itself.
pub(crate) struct FileHead {
    /// The whole top-level object, for the parts that follow the head.
    pub(crate) top: Map<String, Value>,
    /// The schema version of its data (checked: not newer than this build, not unknown).
    pub(crate) version: u32,
    /// When it was made, as written.
    pub(crate) exported_at: String,
    /// The file's size in bytes.
    pub(crate) file_bytes: usize,
}

/// Checks a file's size, nesting, JSON, type, version and export time: the part that plain and
/// encrypted backups share and that stays readable in both.
pub(crate) fn read_head(text: &str) -> Result<FileHead, BackupError> {
    let file_bytes = text.len();
    if file_bytes > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: file_bytes });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(BackupError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| match RecordError::from_json(e) {
        RecordError::CutShort => BackupError::CutShort,
        RecordError::NotJson { line, column } => BackupError::NotJson { line, column },
        _ => BackupError::NotABackup,
    })?;
    let Value::Object(top) = value else {
        return Err(BackupError::NotABackup);
    };
    match top.get("type") {
        Some(Value::String(t)) if t == BACKUP_TYPE => {}
        _ => return Err(BackupError::NotABackup),
    }
    let version = match top.get("version") {
        None => return Err(BackupError::MissingField("version")),
        Some(Value::Number(n)) => n.as_u64().ok_or(BackupError::WrongFieldType {
            field: "version",
            expected: "a whole number",
        })?,
        Some(_) => {
            return Err(BackupError::WrongFieldType {
                field: "version",
                expected: "a whole number",
            })
        }
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(BackupError::NewerVersion { found: version });
    }
    if version < u64::from(OLDEST_VERSION) {
        return Err(BackupError::UnknownVersion { found: version });
    }
    let version = version as u32;
    let exported_at = match top.get("exported_at") {
        None => return Err(BackupError::MissingField("exported_at")),
        Some(Value::String(s)) if looks_like_instant(s) => s.clone(),
        Some(_) => {
            return Err(BackupError::WrongFieldType {
                field: "exported_at",
                expected: "a date and time",
            })
        }
    };
    Ok(FileHead {
        top,
        version,
        exported_at,
        file_bytes,
    })
}

/// Whether the head says the file is encrypted (`"encrypted": true`).
pub(crate) fn is_encrypted(top: &Map<String, Value>) -> Result<bool, BackupError> {
    match top.get("encrypted") {
        None | Some(Value::Bool(false)) => Ok(false),
        Some(Value::Bool(true)) => Ok(true),
        Some(_) => Err(BackupError::WrongFieldType {
            field: "encrypted",
            expected: "true or false",
        }),
    }
}

/// Whether a key uses only the characters Peer Study's own keys use, so nothing odd is restored
/// into storage under a name the app never made.
fn plain_name(key: &str) -> bool {
    key.len() <= 200
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
}

/// Whether text starts like an instant we write ("2026-11-21T09:54:19Z"): a real calendar date,
/// then a time, and nothing absurdly long.
fn looks_like_instant(text: &str) -> bool {
    text.len() <= 40
        && text
            .get(..10)
            .is_some_and(|d| d.parse::<CalendarDate>().is_ok())
        && text[10..].starts_with('T')
}

/// How deeply arrays and objects nest, ignoring brackets inside strings. Cheap, and run before
/// parsing so that a hostile file never reaches the parser's recursion.
fn nesting_depth(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

impl<B: Backend> Store<B> {
    /// Everything in the store as one backup file (records with unsaved changes included, and
    /// set-aside copies). Also the "download what is here first" offered before a replace.
    pub fn export_backup(&mut self, now: UnixMs) -> String {
        let mut data = Map::new();
        for (key, record) in self.records() {
            data.insert(key.clone(), record.to_value());
        }
        for entry in self.set_aside_entries() {
            if let Ok(value) = serde_json::from_str(&entry.encode()) {
                data.insert(entry.key.clone(), value);
            }
        }
        json!({
            "type": BACKUP_TYPE,
            "version": self.data_version(),
            "exported_at": format_instant_utc(now),
            "source": "Peer Study",
            "data": data,
        })
        .to_string()
    }
}

/// A file name for a backup made at `now` ("peer-study-backup-2026-11-21.json").
pub fn backup_file_name(now: UnixMs) -> String {
    format!("peer-study-backup-{}.json", CalendarDate::from_unix_ms(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(nesting_depth(r#"{"a":[1,{"b":2}]}"#), 3);
        assert_eq!(nesting_depth(r#"{"a":"[[[[{{{{\"[["}"#), 1);
    }

    #[test]
    fn instants_must_start_with_a_real_date() {
        assert!(looks_like_instant("2026-11-21T09:54:19Z"));
        assert!(!looks_like_instant("2026-13-01T00:00:00Z"));
        assert!(!looks_like_instant("yesterday"));
        assert!(!looks_like_instant("<script>alert(1)</script>"));
    }
}
