//! Why a backup file was refused, in words for the trainee: every message says what was wrong
//! and ends by saying that nothing changed.

use std::error::Error;
use std::fmt;

use crate::storage::usage::format_size;

/// Why a backup file was refused. Every message says what was wrong and that nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The file is empty.
    Empty,
    /// The file is over [`MAX_BACKUP_BYTES`](super::MAX_BACKUP_BYTES).
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
    /// The backup is encrypted (made with the passcode lock on), so it needs its passcode or
    /// recovery key before it can be read ([`read_backup_file`](super::read_backup_file)).
    Encrypted,
    /// The passcode given doesn't open this encrypted backup.
    WrongPasscode,
    /// The recovery key given doesn't open this encrypted backup.
    WrongRecoveryKey,
    /// The encrypted part is damaged, was changed since it was made, or doesn't match the
    /// file's readable fields.
    EncryptionDamaged(&'static str),
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
                format_size(*bytes as u64)
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
                format_size(*file_bytes as u64)
            ),
            BackupError::Encrypted => write!(
                f,
                "This backup is encrypted with a passcode. Choose it under \"Restore from a \
                 backup\" on My data, and Peer Study will ask for its passcode or recovery key."
            ),
            BackupError::WrongPasscode => write!(
                f,
                "That passcode doesn't open this backup. It needs the passcode Peer Study had \
                 on the device that made it. Please check it and try again, or use the recovery \
                 key."
            ),
            BackupError::WrongRecoveryKey => write!(
                f,
                "That recovery key doesn't open this backup. It needs the recovery key saved \
                 when the passcode lock was set up on the device that made it."
            ),
            BackupError::EncryptionDamaged(what) => write!(
                f,
                "This encrypted backup is damaged ({what}), so it can't be opened. It may have \
                 been changed or cut short since it was made; an earlier backup may still open."
            ),
        }?;
        write!(f, " {NOTHING_CHANGED}")
    }
}

impl Error for BackupError {}

#[cfg(test)]
mod tests {
    use super::*;

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
