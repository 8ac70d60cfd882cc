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
use std::error::Error;
use std::fmt;

use serde_json::{json, Map, Value};

use super::backend::{storage_units, Backend, BROWSER_QUOTA_UNITS};
use super::keys::{self, KeyClass, RecordKind};
use super::migrate::{self, MigrationError, Snapshot};
use super::quarantine::{QuarantineEntry, SetAsideKind};
use super::record::{Record, RecordError};
use super::record_types;
use super::schema::{CURRENT_VERSION, OLDEST_VERSION};
use super::store::Store;

mod restore;

use crate::domain::date::{format_instant_utc, CalendarDate, UnixMs};
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

/// Why a backup file was refused. Every message says what was wrong and that nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The file is empty.
    Empty,
    /// The file is over [`MAX_BACKUP_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The file stops part-way through.
    CutShort,
    /// The file is not JSON.
    NotJson {
        /// Line of the first problem, from 1.
        line: usize,
        /// Column of the first problem, from 1.
        column: usize,
    },
    /// The JSON is not a Peer Study backup (no object, or a different `type`).
    NotABackup,
    /// A required field is missing.
    MissingField(&'static str),
    /// A field has the wrong kind of value.
    WrongFieldType {
        /// The field.
        field: &'static str,
        /// What it should hold, in words.
        expected: &'static str,
    },
    /// The file comes from a newer version of Peer Study.
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// The version is not one Peer Study ever wrote.
    UnknownVersion {
        /// The version in the file.
        found: u64,
    },
    /// The data holds something that is not Peer Study's.
    NotOurData {
        /// The key, shortened for display.
        key: String,
    },
    /// Records that read as JSON but not as what the app keeps under their names (a plain
    /// string where the journal belongs). Each is named in words ("your reflection journal").
    WrongShape {
        /// What each record is, in words.
        what: Vec<String>,
    },
    /// A record in the file could not be read.
    BadRecord {
        /// The record's name ("draft/essay").
        name: String,
        /// What was wrong with it.
        reason: String,
    },
    /// Bringing an older backup up to date failed.
    MigrationFailed(String),
    /// Restored, it would not fit in the browser's storage.
    TooBigForStorage {
        /// What it would take, in UTF-16 units.
        units: u64,
        /// The file's own size in bytes (what the trainee's file manager shows).
        file_bytes: usize,
    },
}

const NOTHING_CHANGED: &str = "Nothing has been changed.";

/// Cuts a piece of a file down for a message, so a huge or odd value is never echoed whole.
fn short(text: &str) -> String {
    let cut: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if cut.chars().count() < text.chars().count() {
        format!("{cut}...")
    } else {
        cut
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::Empty => write!(f, "This file is empty, so there is nothing to restore."),
            BackupError::TooLarge { bytes } => write!(
                f,
                "This file is {}, larger than any Peer Study backup can be (at most 20 MB), so \
                 it hasn't been opened.",
                file_size(*bytes as u64)
            ),
            BackupError::TooDeep => write!(
                f,
                "This file is nested far more deeply than a Peer Study backup ever is, so it \
                 hasn't been read."
            ),
            BackupError::CutShort => write!(
                f,
                "This file stops part-way through. It may not have finished downloading; try \
                 saving the backup again."
            ),
            BackupError::NotJson { .. } => write!(
                f,
                "This doesn't look like a Peer Study backup: it isn't in the expected format."
            ),
            BackupError::NotABackup => write!(
                f,
                "This file isn't a Peer Study backup. Backups are the .json files made with \
                 \"Download a backup\" on My data."
            ),
            BackupError::MissingField(field) => write!(
                f,
                "This backup is missing its \"{field}\" part, so it can't be restored safely."
            ),
            BackupError::WrongFieldType { field, expected } => write!(
                f,
                "This backup's \"{field}\" part should be {expected}, so it can't be restored \
                 safely."
            ),
            BackupError::NewerVersion { found } => write!(
                f,
                "This backup was made by a newer version of Peer Study (format {found}). Reload \
                 the app to get the newest version, then try again."
            ),
            BackupError::UnknownVersion { found } => write!(
                f,
                "This backup says it is format {found}, which Peer Study never made, so it can't \
                 be restored safely."
            ),
            // The key is not echoed: it could be anything, and the message is shown to people.
            BackupError::NotOurData { .. } => write!(
                f,
                "This backup holds something that isn't Peer Study data, so it can't be restored \
                 safely."
            ),
            BackupError::WrongShape { what } => write!(
                f,
                "Part of this backup can't be read as Peer Study data ({}). Restoring it could \
                 lose work, so it hasn't been used.",
                what.iter()
                    .take(4)
                    .map(|w| short(w))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            BackupError::BadRecord { name, reason } => write!(
                f,
                "Part of this backup (\"{}\") can't be read: {reason}. Restoring it could lose \
                 work, so it hasn't been used.",
                short(name)
            ),
            BackupError::MigrationFailed(reason) => write!(
                f,
                "This backup comes from an older version of Peer Study and couldn't be updated \
                 ({reason})."
            ),
            BackupError::TooBigForStorage { file_bytes, .. } => write!(
                f,
                "This backup is {}: restored, it would be more than this browser can store for \
                 Peer Study (about 5 MB).",
                file_size(*file_bytes as u64)
            ),
        }?;
        write!(f, " {NOTHING_CHANGED}")
    }
}

impl Error for BackupError {}

/// A file size in bytes, as a file manager shows it ("22.0 MB", "480 KB", "312 bytes").
pub fn file_size(bytes: u64) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{} KB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
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
    let Value::Object(mut top) = value else {
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
    pub fn export_backup(&self, now: UnixMs) -> String {
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

    #[test]
    fn messages_never_echo_a_long_value_whole() {
        let long = "x".repeat(1000);
        let message = BackupError::BadRecord {
            name: long,
            reason: "it is damaged".into(),
        }
        .to_string();
        assert!(message.len() < 300, "{message}");
        assert!(message.ends_with(NOTHING_CHANGED));
    }
}
