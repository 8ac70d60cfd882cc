//! Encrypted backups: with the passcode lock on, a backup is the plain backup file sealed under
//! the lock's data key, with the keyring's wrapped keys beside it. It opens with the passcode or
//! the recovery key of the device that made it (as they were when it was made), and nothing else.
//!
//! The file:
//!
//! ```json
//! {"type": "peer-study-backup", "version": 2, "exported_at": "2026-11-21T09:54:19Z",
//!  "source": "Peer Study", "encrypted": true, "about": "...",
//!  "keyring": {<the keyring, exactly as stored on the device>},
//!  "sealed": {"v": 1, "schema": 2, "nonce": "<b64>", "ct": "<b64>"}}
//! ```
//!
//! - The head stays readable, so the file still says what it is, when it was made, and that it
//!   is encrypted; nothing the trainee wrote is readable, not even which drafts exist.
//! - `ct` is the whole plain backup file, sealed with AES-256-GCM (the same [`sealed`] format
//!   and `aes-gcm` crate as stored records) under a fresh random nonce. Its associated data
//!   binds the version, the export time and the keyring's id, so none of the readable fields can
//!   be changed, and no other keyring swapped in, without it failing to open.
//! - Opening takes the passcode's or the recovery key's derived [`WrappingKey`] (the app derives
//!   it through Web Crypto with the keyring's own parameters), unwraps the data key, opens the
//!   backup, and then checks the plain file inside exactly as a plain backup is checked.
//!
//! The keyring in the file is only read: restoring never changes the lock on this device. The
//! restored records are stored the way this device stores everything (sealed if its own lock is
//! on, plain if not).

use std::fmt;

use serde_json::{json, Map, Value};

use super::{is_encrypted, parse_backup, read_head, Backup, BackupError, FileHead, BACKUP_TYPE};
use crate::domain::date::UnixMs;
use crate::storage::crypto::aead::{DataKey, WrappingKey};
use crate::storage::crypto::keyring::{Keyring, KeyringError};
use crate::storage::crypto::random::RandomError;
use crate::storage::crypto::sealed::{self, OpenError, SEALED_FIELD};

/// What the `about` field of an encrypted backup tells anyone who opens the file as text.
pub const ABOUT: &str = "Encrypted by Peer Study's passcode lock (AES-256-GCM). To restore it, \
                         open Peer Study, go to My data, choose this file under \"Restore from a \
                         backup\", then give the passcode or the recovery key.";

/// The most PBKDF2 iterations an encrypted backup may ask for: far above what Peer Study uses
/// (600,000), low enough that a hostile file can't keep the phone deriving for hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// A backup file, read as far as it can be without a key.
#[derive(Debug)]
pub enum BackupFile {
    /// A plain backup, checked completely and ready to restore.
    Plain(Backup),
    /// An encrypted backup: its head is checked; it needs a passcode or recovery key to open.
    Encrypted(EncryptedBackup),
}

/// An encrypted backup whose head and keyring have been checked, waiting for a key.
#[derive(Debug, Clone)]
pub struct EncryptedBackup {
    /// The schema version of the data inside, as the head says.
    pub version: u32,
    /// When it was made, as the head says.
    pub exported_at: String,
    keyring: Keyring,
    /// The sealed value as [`sealed::open`] reads it: `{"sealed": {...}}`.
    sealed: String,
}

/// Why a backup could not be encrypted. Nothing stored is touched either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncryptBackupError {
    /// The text given was not a backup this build can read (a bug, never the trainee's doing).
    NotABackup(BackupError),
    /// No random numbers for the nonce.
    Random(RandomError),
}

impl fmt::Display for EncryptBackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncryptBackupError::NotABackup(e) => write!(f, "The backup couldn't be made: {e}"),
            EncryptBackupError::Random(e) => write!(
                f,
                "The backup couldn't be encrypted ({e}), so it hasn't been saved. Nothing you \
                 have written is lost; please try again."
            ),
        }
    }
}

impl std::error::Error for EncryptBackupError {}

/// The associated data's label: what the head says, and which keyring.
fn label(version: u32, exported_at: &str, keyring_id: &str) -> String {
    json!([BACKUP_TYPE, version, exported_at, keyring_id]).to_string()
}

/// Encrypts a plain backup file (the text [`Store::export_backup`](crate::storage::store::Store)
/// gives) under the lock's data key, with `keyring` (the one that wraps `data_key`) beside it.
pub fn encrypt_backup(
    plain: &str,
    keyring: &Keyring,
    data_key: &DataKey,
) -> Result<String, EncryptBackupError> {
    let FileHead {
        version,
        exported_at,
        ..
    } = read_head(plain).map_err(EncryptBackupError::NotABackup)?;
    let label = label(version, &exported_at, &keyring.id);
    let sealed_text =
        sealed::seal(&label, plain, version, data_key).map_err(EncryptBackupError::Random)?;
    let sealed_value: Value =
        serde_json::from_str(&sealed_text).expect("a sealed value is always JSON");
    let keyring_value: Value =
        serde_json::from_str(&keyring.encode()).expect("a keyring always encodes as JSON");
    Ok(json!({
        "type": BACKUP_TYPE,
        "version": version,
        "exported_at": exported_at,
        "source": "Peer Study",
        "encrypted": true,
        "about": ABOUT,
        "keyring": keyring_value,
        SEALED_FIELD: sealed_value[SEALED_FIELD],
    })
    .to_string())
}

/// Reads a backup file as far as it can without a key: a plain one is checked completely (as
/// [`parse_backup`] does), an encrypted one up to its keyring and sealed part. Nothing changes.
pub fn read_backup_file(text: &str, now: UnixMs) -> Result<BackupFile, BackupError> {
    let FileHead {
        top,
        version,
        exported_at,
        ..
    } = read_head(text)?;
    if !is_encrypted(&top)? {
        return parse_backup(text, now).map(BackupFile::Plain);
    }
    Ok(BackupFile::Encrypted(EncryptedBackup::from_head(
        top,
        version,
        exported_at,
    )?))
}

impl EncryptedBackup {
    fn from_head(
        mut top: Map<String, Value>,
        version: u32,
        exported_at: String,
    ) -> Result<Self, BackupError> {
        let keyring = match top.remove("keyring") {
            None => return Err(BackupError::MissingField("keyring")),
            Some(value @ Value::Object(_)) => {
                Keyring::decode(&value.to_string()).map_err(|e| match e {
                    KeyringError::NewerVersion(found) => BackupError::NewerVersion {
                        found: u64::from(found),
                    },
                    _ => BackupError::EncryptionDamaged("its keys can't be read"),
                })?
            }
            Some(_) => return Err(BackupError::EncryptionDamaged("its keys can't be read")),
        };
        if keyring.passcode_kdf().iterations > MAX_ITERATIONS {
            return Err(BackupError::EncryptionDamaged(
                "it asks for far more work than Peer Study ever sets",
            ));
        }
        let sealed = match top.remove(SEALED_FIELD) {
            None => return Err(BackupError::MissingField("sealed")),
            Some(value @ Value::Object(_)) => json!({ SEALED_FIELD: value }).to_string(),
            Some(_) => {
                return Err(BackupError::EncryptionDamaged(
                    "its sealed part isn't there",
                ))
            }
        };
        Ok(EncryptedBackup {
            version,
            exported_at,
            keyring,
            sealed,
        })
    }

    /// The keyring it carries: its passcode parameters and recovery salt say how to derive the
    /// wrapping key to open it with.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// Opens it with the passcode's wrapping key (derived with [`Keyring::passcode_kdf`]) and
    /// checks the backup inside completely. Nothing changes.
    pub fn open_with_passcode(
        &self,
        passcode_key: &WrappingKey,
        now: UnixMs,
    ) -> Result<Backup, BackupError> {
        let data_key = self
            .keyring
            .unlock_with_passcode(passcode_key)
            .map_err(|_| BackupError::WrongPasscode)?;
        self.open(&data_key, now)
    }

    /// Opens it with the recovery key's wrapping key (derived with [`Keyring::recovery_salt`])
    /// and checks the backup inside completely. Nothing changes.
    pub fn open_with_recovery_key(
        &self,
        recovery_key: &WrappingKey,
        now: UnixMs,
    ) -> Result<Backup, BackupError> {
        let data_key = self
            .keyring
            .unlock_with_recovery_key(recovery_key)
            .map_err(|_| BackupError::WrongRecoveryKey)?;
        self.open(&data_key, now)
    }

    fn open(&self, data_key: &DataKey, now: UnixMs) -> Result<Backup, BackupError> {
        let label = label(self.version, &self.exported_at, &self.keyring.id);
        let plain = sealed::open(&label, &self.sealed, data_key).map_err(|e| match e {
            OpenError::NewerFormat(found) => BackupError::NewerVersion { found },
            OpenError::WontOpen => {
                BackupError::EncryptionDamaged("it has been changed since it was made")
            }
            OpenError::NotSealed | OpenError::Damaged(_) => {
                BackupError::EncryptionDamaged("its sealed part can't be read")
            }
        })?;
        // The inside is checked like any plain file; a file sealed inside a sealed file, or one
        // whose inside disagrees with its head, is not something Peer Study makes.
        let inner = read_head(&plain)?;
        if is_encrypted(&inner.top)?
            || inner.version != self.version
            || inner.exported_at != self.exported_at
        {
            return Err(BackupError::EncryptionDamaged(
                "its inside doesn't match its outside",
            ));
        }
        parse_backup(&plain, now)
    }
}
