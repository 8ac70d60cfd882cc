//! Turning the lock on and off, and changing the passcode, so that a reload or a failed write at
//! any point loses nothing and leaves the store readable.
//!
//! Why each is safe:
//! - **On.** The keyring is written first, in one write: until it is stored nothing has changed,
//!   and once it is, the lock is on. Then each record is sealed in place, one write per key (a
//!   single localStorage write either happens whole or not at all). Records not sealed yet (a
//!   failed write, a reload part-way) are still plain, which the sealed backend reads just as
//!   well; [`seal_all`] runs again after every unlock and finishes the job.
//! - **Off.** Each sealed record is opened and written back plain, in place; the keyring is
//!   removed only once every one of them is. Part-way, the keyring is still there and everything
//!   reads (sealed or plain) after unlocking; the unsealed ones are sealed again at once if
//!   possible, or after the next unlock.
//! - **Changing the passcode** rewraps the data key in the keyring: one write of one key. Before
//!   it, the old passcode opens; after it, the new one. No record changes.
//!
//! Every function here works on the backend as stored (never through the sealed backend), and
//! keeps each record's revision, so other tabs see nothing new in what they already have.

use std::error::Error;
use std::fmt;

use super::aead::DataKey;
use super::keyring::Keyring;
use super::sealed::{self, OpenError};
use super::sealed_backend::is_sealable;
use super::KEYRING;
use crate::storage::backend::Backend;
use crate::storage::error::BackendError;
use crate::storage::schema::CURRENT_VERSION;

/// What one conversion pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConversionReport {
    /// Keys rewritten (sealed, or opened back to plain).
    pub converted: Vec<String>,
    /// Writes that failed; those keys are as they were.
    pub failures: Vec<BackendError>,
    /// Sealed values that would not open with this key (tampered with, cut short, or from an
    /// older lock): left exactly as they are, for the quarantine to set aside.
    pub wont_open: Vec<(String, OpenError)>,
}

/// A conversion could not finish. Each message says what state things were left in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// The lock is already on (a keyring is stored).
    AlreadyOn,
    /// The lock is not on.
    NotOn,
    /// The keyring could not be stored, so nothing has changed.
    KeyringNotSaved(BackendError),
    /// Turning the lock off stopped part-way; it is still on, and everything still opens.
    NotTurnedOff(ConversionReport),
    /// Storage could not be read.
    Backend(BackendError),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::AlreadyOn => write!(f, "The passcode lock is already on."),
            LockError::NotOn => write!(f, "The passcode lock isn't on."),
            LockError::KeyringNotSaved(e) => write!(
                f,
                "The lock couldn't be saved on this device ({e}), so nothing has changed."
            ),
            LockError::NotTurnedOff(report) => write!(
                f,
                "The lock couldn't be turned off completely ({}), so it is still on and your \
                 notes are safe. Please try again in a moment.",
                report
                    .failures
                    .last()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| "storage refused a change".into())
            ),
            LockError::Backend(e) => write!(f, "{e}"),
        }
    }
}

impl Error for LockError {}

impl From<BackendError> for LockError {
    fn from(e: BackendError) -> Self {
        LockError::Backend(e)
    }
}

/// Whether the lock is on: a keyring is stored.
pub fn is_on(backend: &impl Backend) -> Result<bool, BackendError> {
    Ok(backend.get(KEYRING)?.is_some())
}

/// Every key whose value the lock seals, in a fixed order.
fn sealable_keys(backend: &impl Backend) -> Result<Vec<String>, BackendError> {
    let mut keys: Vec<String> = backend
        .keys()?
        .into_iter()
        .filter(|k| is_sealable(k))
        .collect();
    keys.sort();
    Ok(keys)
}

/// The value stored under `key`, or `None` when there is none or it could not be read (a failure
/// `report` then lists, so the conversion carries on with the other records).
fn stored_value(
    backend: &impl Backend,
    key: &str,
    report: &mut ConversionReport,
) -> Option<String> {
    backend.get(key).unwrap_or_else(|e| {
        report.failures.push(e);
        None
    })
}

/// Turns the lock on: stores `keyring` (which wraps `key`), then seals every record. An `Err`
/// means nothing changed; an `Ok` report with failures means the lock is on and the records it
/// lists are still plain until [`seal_all`] runs again.
pub fn turn_on<B: Backend>(
    backend: &mut B,
    keyring: &Keyring,
    key: &DataKey,
) -> Result<ConversionReport, LockError> {
    if is_on(backend)? {
        return Err(LockError::AlreadyOn);
    }
    backend
        .set(KEYRING, &keyring.encode())
        .map_err(LockError::KeyringNotSaved)?;
    Ok(seal_all(backend, key))
}

/// Seals every record and set-aside copy that is still plain. Run after every unlock, so that a
/// conversion cut short finishes, and a plain write from a tab that didn't have the key yet gets
/// sealed. Costs one read per record when there is nothing to do.
pub fn seal_all<B: Backend>(backend: &mut B, key: &DataKey) -> ConversionReport {
    let mut report = ConversionReport::default();
    let keys = match sealable_keys(backend) {
        Ok(keys) => keys,
        Err(e) => {
            report.failures.push(e);
            return report;
        }
    };
    for k in keys {
        let Some(raw) = stored_value(backend, &k, &mut report) else {
            continue;
        };
        if sealed::is_sealed(&raw) {
            continue;
        }
        let result = sealed::seal(&k, &raw, CURRENT_VERSION, key)
            .map_err(|e| BackendError::WriteFailed {
                key: k.clone(),
                detail: e.to_string(),
            })
            .and_then(|sealed| backend.set(&k, &sealed));
        match result {
            Ok(()) => report.converted.push(k),
            Err(e) => report.failures.push(e),
        }
    }
    report
}

/// Turns the lock off: opens every sealed record back to plain text, then removes the keyring.
/// Call only after the passcode has been given again (it unwraps `key`). On `Err` the lock is
/// still on and every record opens as before.
pub fn turn_off<B: Backend>(backend: &mut B, key: &DataKey) -> Result<ConversionReport, LockError> {
    if !is_on(backend)? {
        return Err(LockError::NotOn);
    }
    let mut report = ConversionReport::default();
    for k in sealable_keys(backend)? {
        let Some(raw) = stored_value(backend, &k, &mut report) else {
            continue;
        };
        if !sealed::is_sealed(&raw) {
            continue;
        }
        match sealed::open(&k, &raw, key) {
            Ok(plain) => match backend.set(&k, &plain) {
                Ok(()) => report.converted.push(k),
                Err(e) => report.failures.push(e),
            },
            Err(why) => report.wont_open.push((k, why)),
        }
    }
    if report.failures.is_empty() {
        match backend.remove(KEYRING) {
            Ok(()) => return Ok(report),
            Err(e) => report.failures.push(e),
        }
    }
    // Still on: seal again what was opened, so nothing sits in plain text meanwhile.
    let _ = seal_all(backend, key);
    Err(LockError::NotTurnedOff(report))
}

/// Stores a rewrapped keyring (a new passcode, or stronger parameters for the same one): one
/// write. Nothing else changes.
pub fn store_keyring<B: Backend>(backend: &mut B, keyring: &Keyring) -> Result<(), LockError> {
    if !is_on(backend)? {
        return Err(LockError::NotOn);
    }
    backend
        .set(KEYRING, &keyring.encode())
        .map_err(LockError::KeyringNotSaved)
}
