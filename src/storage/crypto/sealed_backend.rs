//! A [`Backend`] that seals Peer Study's records on the way into storage and opens them on the
//! way out, so the store above it works on plain envelopes and never knows about the lock.
//!
//! What it seals: every record and every set-aside copy (they hold a record's text). What stays
//! readable: the meta record (the schema version), the lock's own keys and anything not Peer
//! Study's. It only seals while the keyring in storage is the very one its [`LockSlot`] was
//! unlocked with, checked before every write: so a tab never seals under a key nobody else can
//! find (the lock was turned off, or set up afresh, in another tab), and writes plain text
//! instead; the next unlock seals it (see [`convert::seal_all`](super::convert::seal_all)).
//!
//! Reading a sealed value:
//! - with the key: opened, and the store sees the envelope; if it won't open (tampered with,
//!   cut short, moved), the sealed text itself is handed up, which the store cannot read as a
//!   record, so it is set aside by the quarantine and its key held: never written over;
//! - without the key while a keyring exists (this tab is locked, or never unlocked): a read
//!   failure, so the store neither shows it, nor sets it aside, nor writes over it;
//! - with no keyring at all (left over after the lock was turned off): handed up as it is, and
//!   set aside like any other text that cannot be read.

use std::cell::RefCell;
use std::rc::Rc;

use super::aead::DataKey;
use super::keyring::Keyring;
use super::random::RandomError;
use super::sealed::OpenError;
use super::{sealed, KEYRING};
use crate::storage::backend::Backend;
use crate::storage::error::BackendError;
use crate::storage::keys::{self, KeyClass};
use crate::storage::schema::CURRENT_VERSION;

/// The data key of an unlocked lock, with the id of the keyring it came from.
#[derive(Debug)]
pub struct Unlocked {
    /// The keyring's id ([`Keyring::id`]).
    pub keyring_id: String,
    /// The data key.
    pub key: DataKey,
    /// How values are sealed and opened with it.
    cipher: Cipher,
}

/// How record values are sealed and opened: [`sealed::seal`] and [`sealed::open`], reached
/// through pointers that [`LockSlot::unlock`] puts in place instead of being called here. Only
/// code that unlocks (the lock screen, and turning the lock on in settings) calls that, so a split
/// build keeps AES-GCM and the sealed envelope's Base64 out of the main module, the download the
/// home screen waits for. They come with the pieces that unlock or make a backup, which is
/// encrypted while the lock is on (docs/build.md).
#[derive(Clone, Copy)]
struct Cipher {
    seal: fn(&str, &str, u32, &DataKey) -> Result<String, RandomError>,
    open: fn(&str, &str, &DataKey) -> Result<String, OpenError>,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(AES-256-GCM)")
    }
}

/// Where the data key lives while unlocked; shared between the backend and the app's lock
/// controls. Empty while the lock is off or locked. Dropping the key wipes it.
#[derive(Debug, Default)]
pub struct LockSlot {
    unlocked: Option<Unlocked>,
}

/// A [`LockSlot`] shared between the backend and whoever unlocks and locks.
pub type SharedSlot = Rc<RefCell<LockSlot>>;

impl LockSlot {
    /// A new, empty slot, ready to share.
    pub fn shared() -> SharedSlot {
        Rc::new(RefCell::new(LockSlot::default()))
    }

    /// Puts the data key in (after unlocking, or turning the lock on).
    pub fn unlock(&mut self, keyring_id: String, key: DataKey) {
        let cipher = Cipher {
            seal: sealed::seal,
            open: sealed::open,
        };
        self.unlocked = Some(Unlocked {
            keyring_id,
            key,
            cipher,
        });
    }

    /// Forgets the data key (the lock was turned off, or is locking).
    pub fn forget(&mut self) {
        self.unlocked = None;
    }

    /// The data key, while unlocked.
    pub fn unlocked(&self) -> Option<&Unlocked> {
        self.unlocked.as_ref()
    }
}

/// Whether values under `key` are sealed when the lock is on: records and set-aside copies.
pub fn is_sealable(key: &str) -> bool {
    matches!(
        keys::classify(key),
        KeyClass::Record(_) | KeyClass::Quarantine
    )
}

/// The backend wrapper. See the module documentation.
#[derive(Debug)]
pub struct SealedBackend<B: Backend> {
    inner: B,
    slot: SharedSlot,
}

impl<B: Backend> SealedBackend<B> {
    /// Wraps `inner`; seals and opens with whatever key `slot` holds.
    pub fn new(inner: B, slot: SharedSlot) -> Self {
        SealedBackend { inner, slot }
    }

    /// The backend underneath, as stored (sealed values stay sealed).
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The backend underneath, for tests that inject faults.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

impl<B: Backend> Backend for SealedBackend<B> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let raw = self.inner.get(key)?;
        let Some(raw) = raw else { return Ok(None) };
        if !is_sealable(key) || !sealed::is_sealed(&raw) {
            return Ok(Some(raw));
        }
        let slot = self.slot.borrow();
        match slot.unlocked() {
            Some(unlocked) => Ok(Some(
                (unlocked.cipher.open)(key, &raw, &unlocked.key).unwrap_or(raw),
            )),
            None if self.inner.get(KEYRING)?.is_some() => Err(BackendError::ReadFailed {
                key: key.to_owned(),
                detail: "Peer Study is locked on this device".into(),
            }),
            None => Ok(Some(raw)),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if !is_sealable(key) {
            return self.inner.set(key, value);
        }
        let slot = self.slot.borrow();
        let Some(unlocked) = slot.unlocked() else {
            return self.inner.set(key, value);
        };
        let current_id = self.inner.get(KEYRING)?.as_deref().and_then(Keyring::id_of);
        if current_id.as_deref() != Some(unlocked.keyring_id.as_str()) {
            return self.inner.set(key, value);
        }
        let sealed =
            (unlocked.cipher.seal)(key, value, CURRENT_VERSION, &unlocked.key).map_err(|e| {
                BackendError::WriteFailed {
                    key: key.to_owned(),
                    detail: e.to_string(),
                }
            })?;
        drop(slot);
        self.inner.set(key, &sealed)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.inner.keys()
    }

    /// What is really stored, sealed values at their sealed size.
    fn used_units(&self) -> Result<u64, BackendError> {
        self.inner.used_units()
    }
}
