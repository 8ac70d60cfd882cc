//! The passcode lock's storage side: encryption at rest for everything a trainee writes.
//!
//! - [`aead`]: AES-256-GCM (the audited RustCrypto `aes-gcm` crate) and the two kinds of key.
//! - [`recovery_key`]: the 128-bit recovery key, written as seven groups of four characters.
//! - [`keyring`]: the data key, stored only wrapped: under the passcode's key and the recovery
//!   key's. No passcode hash.
//! - [`sealed`]: one stored value sealed with the data key (revision and save time readable).
//! - [`sealed_backend`]: a backend wrapper that seals and opens, so the store stays unaware.
//! - [`convert`]: turning the lock on and off, and changing the passcode, crash-safely.
//! - [`attempts`]: wrong tries and the growing wait after five of them.
//! - [`auto_lock`]: how long the app may be hidden before it locks.
//!
//! The key derivations (PBKDF2 for the passcode, HKDF for the recovery key) run in the browser's
//! Web Crypto (`src/app/lock/web_crypto.rs`); this layer only ever sees derived keys.
//!
//! The lock's own keys live under [`LOCK_PREFIX`], outside the store's `peer-study/` prefix, so
//! the store treats them as another app's and never loads, sets aside or writes them.

pub mod aead;
pub mod attempts;
pub mod auto_lock;
pub mod b64;
pub mod convert;
pub mod keyring;
pub mod random;
pub mod recovery_key;
pub mod sealed;
pub mod sealed_backend;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod native_kdf;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// What every key of the lock's own starts with.
pub const LOCK_PREFIX: &str = "peer-study-lock/";
/// The keyring ([`keyring::Keyring`]); present exactly when the lock is on.
pub const KEYRING: &str = "peer-study-lock/keyring";
/// Wrong tries so far ([`attempts::Attempts`]), so a reload doesn't reset the wait.
pub const ATTEMPTS: &str = "peer-study-lock/attempts";
/// How long the app may be hidden before it locks (minutes; "off" or "0" for immediately).
pub const AUTO_LOCK: &str = "peer-study-lock/auto-lock";
/// Written by a tab that locks, so that every other open tab locks too.
pub const LOCKED_AT: &str = "peer-study-lock/locked-at";
