//! The keyring: the data key, stored only wrapped, twice, plus what is needed to unwrap it.
//!
//! Stored under [`KEYRING`](super::KEYRING) as JSON:
//!
//! ```json
//! {"format": "peer-study-keyring", "version": 1, "id": "<32 hex>", "created_at": 1764000000000,
//!  "passcode": {"kdf": "PBKDF2-HMAC-SHA256", "iterations": 600000, "salt": "<b64, 16 bytes>",
//!               "nonce": "<b64, 12 bytes>", "wrapped_key": "<b64, 32 + 16 bytes>"},
//!  "recovery": {"kdf": "HKDF-SHA256", "salt": "<b64, 16 bytes>",
//!               "nonce": "<b64, 12 bytes>", "wrapped_key": "<b64>"}}
//! ```
//!
//! - The data key is wrapped with AES-256-GCM under a key derived from the passcode (PBKDF2 with
//!   the stored iterations and salt, so they can be raised later) and under a key derived from the
//!   recovery key (HKDF-SHA256: the recovery key is already 128 random bits, so it needs no
//!   stretching). Each wrap's associated data binds the keyring id, which slot it is and its
//!   derivation parameters, so none of them can be swapped or weakened unnoticed.
//! - No passcode hash is stored anywhere: a wrong passcode simply fails to unwrap.
//! - Changing the passcode rewraps only the passcode slot; no record is re-encrypted.
//!
//! The derivations themselves happen outside this module (Web Crypto in the browser, the
//! RustCrypto crates in native tests): this module takes the derived [`WrappingKey`].

use std::error::Error;
use std::fmt;

use serde::Deserialize;
use serde_json::{json, Value};

use super::aead::{DataKey, WrappingKey, NONCE_BYTES};
use super::b64;
use super::random::{self, RandomError};
use crate::domain::date::UnixMs;

/// What the `format` field says.
pub const FORMAT: &str = "peer-study-keyring";
/// The keyring format this build writes and reads.
pub const VERSION: u32 = 1;
/// PBKDF2-HMAC-SHA256 iterations for new passcodes: OWASP's 2023 recommendation.
pub const PASSCODE_ITERATIONS: u32 = 600_000;
/// The passcode key derivation's name, as stored (and as Web Crypto calls its parts).
pub const PASSCODE_KDF: &str = "PBKDF2-HMAC-SHA256";
/// The recovery key derivation's name, as stored.
pub const RECOVERY_KDF: &str = "HKDF-SHA256";
/// HKDF's `info` for the recovery key's wrapping key.
pub const RECOVERY_HKDF_INFO: &[u8] = b"peer-study recovery key wrapping v1";
/// The shortest passcode the set-up accepts, in characters.
pub const MIN_PASSCODE_CHARS: usize = 8;

/// Why a new passcode can't be used yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasscodeProblem {
    /// Fewer than [`MIN_PASSCODE_CHARS`] characters.
    TooShort,
    /// The repeat is different.
    RepeatDiffers,
}

impl fmt::Display for PasscodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasscodeProblem::TooShort => write!(
                f,
                "Please use at least {MIN_PASSCODE_CHARS} characters. A few words you'll \
                 remember make a good passphrase."
            ),
            PasscodeProblem::RepeatDiffers => write!(
                f,
                "The two passcodes are different. Please type the same one twice."
            ),
        }
    }
}

impl Error for PasscodeProblem {}

/// Checks a new passcode and its repeat: at least [`MIN_PASSCODE_CHARS`] characters (not
/// bytes: "café" is four), typed the same twice.
///
/// ```
/// use peer_study::storage::crypto::keyring::{check_new_passcode, PasscodeProblem};
/// assert_eq!(check_new_passcode("short", "short"), Err(PasscodeProblem::TooShort));
/// assert_eq!(check_new_passcode("long enough", "long enougb"), Err(PasscodeProblem::RepeatDiffers));
/// assert_eq!(check_new_passcode("àéîõüçñß", "àéîõüçñß"), Ok(()));
/// ```
pub fn check_new_passcode(passcode: &str, repeat: &str) -> Result<(), PasscodeProblem> {
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err(PasscodeProblem::TooShort);
    }
    if passcode != repeat {
        return Err(PasscodeProblem::RepeatDiffers);
    }
    Ok(())
}

/// How to derive the passcode's wrapping key: PBKDF2-HMAC-SHA256 with these parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasscodeKdf {
    /// Iterations ([`PASSCODE_ITERATIONS`] for new passcodes).
    pub iterations: u32,
    /// 16 random bytes, new for every passcode.
    pub salt: [u8; 16],
}

impl PasscodeKdf {
    /// Parameters for a new passcode: today's iterations and a fresh salt.
    pub fn fresh() -> Result<Self, RandomError> {
        Ok(PasscodeKdf {
            iterations: PASSCODE_ITERATIONS,
            salt: random::bytes()?,
        })
    }

    /// Whether a passcode wrapped with these parameters should be rewrapped with today's.
    pub fn is_weaker_than_today(&self) -> bool {
        self.iterations < PASSCODE_ITERATIONS
    }
}

/// One wrapped copy of the data key.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wrapped {
    nonce: [u8; NONCE_BYTES],
    wrapped_key: Vec<u8>,
}

/// The keyring. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyring {
    /// Random id, so a tab can tell "the lock I unlocked" from a newer one.
    pub id: String,
    /// When the lock was turned on.
    pub created_at: UnixMs,
    passcode_kdf: PasscodeKdf,
    passcode: Wrapped,
    recovery_salt: [u8; 16],
    recovery: Wrapped,
}

/// The keyring could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyringError {
    /// The stored text is not a keyring at all (damaged, or something else).
    Damaged(String),
    /// A newer version of Peer Study wrote it.
    NewerVersion(u32),
    /// Random numbers were not available to make one.
    Random(RandomError),
}

impl fmt::Display for KeyringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyringError::Damaged(why) => write!(f, "the lock's keys are damaged ({why})"),
            KeyringError::NewerVersion(v) => write!(
                f,
                "the lock was set up by a newer version of Peer Study (keyring version {v}); \
                 reloading usually brings that version"
            ),
            KeyringError::Random(e) => write!(f, "{e}"),
        }
    }
}

impl Error for KeyringError {}

impl From<RandomError> for KeyringError {
    fn from(e: RandomError) -> Self {
        KeyringError::Random(e)
    }
}

/// The passcode or recovery key given does not unwrap the data key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnwrapError {
    /// The passcode is not the one set.
    WrongPasscode,
    /// The recovery key is not this lock's.
    WrongRecoveryKey,
}

impl fmt::Display for UnwrapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnwrapError::WrongPasscode => write!(
                f,
                "That passcode didn't open Peer Study. Please check it and try again."
            ),
            UnwrapError::WrongRecoveryKey => write!(
                f,
                "That recovery key didn't open Peer Study. Please check it is the one saved for \
                 this device."
            ),
        }
    }
}

impl Error for UnwrapError {}

impl Keyring {
    /// A new keyring wrapping `data_key` under the passcode's key (derived with `passcode_kdf`)
    /// and the recovery key's (derived with HKDF and `recovery_salt`, see [`Keyring::recovery_salt`]).
    pub fn new(
        data_key: &DataKey,
        passcode_kdf: PasscodeKdf,
        passcode_key: &WrappingKey,
        recovery_salt: [u8; 16],
        recovery_key: &WrappingKey,
        now: UnixMs,
    ) -> Result<Keyring, KeyringError> {
        let id: String = random::bytes::<16>()?
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let passcode_aad = passcode_aad(&id, &passcode_kdf);
        let recovery_aad = recovery_aad(&id, &recovery_salt);
        Ok(Keyring {
            passcode: wrap(data_key, passcode_key, &passcode_aad)?,
            recovery: wrap(data_key, recovery_key, &recovery_aad)?,
            id,
            created_at: now,
            passcode_kdf,
            recovery_salt,
        })
    }

    /// How to derive the passcode's wrapping key.
    pub fn passcode_kdf(&self) -> &PasscodeKdf {
        &self.passcode_kdf
    }

    /// The HKDF salt for the recovery key's wrapping key.
    pub fn recovery_salt(&self) -> &[u8; 16] {
        &self.recovery_salt
    }

    /// Unwraps the data key with the passcode's derived key.
    pub fn unlock_with_passcode(&self, passcode_key: &WrappingKey) -> Result<DataKey, UnwrapError> {
        unwrap(
            &self.passcode,
            passcode_key,
            &passcode_aad(&self.id, &self.passcode_kdf),
        )
        .ok_or(UnwrapError::WrongPasscode)
    }

    /// Unwraps the data key with the recovery key's derived key.
    pub fn unlock_with_recovery_key(
        &self,
        recovery_key: &WrappingKey,
    ) -> Result<DataKey, UnwrapError> {
        unwrap(
            &self.recovery,
            recovery_key,
            &recovery_aad(&self.id, &self.recovery_salt),
        )
        .ok_or(UnwrapError::WrongRecoveryKey)
    }

    /// The same keyring with the data key rewrapped under a new passcode (or the same passcode
    /// with stronger parameters). The recovery slot and every record stay as they are.
    pub fn with_new_passcode(
        &self,
        data_key: &DataKey,
        passcode_kdf: PasscodeKdf,
        passcode_key: &WrappingKey,
    ) -> Result<Keyring, KeyringError> {
        let aad = passcode_aad(&self.id, &passcode_kdf);
        Ok(Keyring {
            passcode: wrap(data_key, passcode_key, &aad)?,
            passcode_kdf,
            ..self.clone()
        })
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        json!({
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "created_at": self.created_at,
            "passcode": {
                "kdf": PASSCODE_KDF,
                "iterations": self.passcode_kdf.iterations,
                "salt": b64::encode(&self.passcode_kdf.salt),
                "nonce": b64::encode(&self.passcode.nonce),
                "wrapped_key": b64::encode(&self.passcode.wrapped_key),
            },
            "recovery": {
                "kdf": RECOVERY_KDF,
                "salt": b64::encode(&self.recovery_salt),
                "nonce": b64::encode(&self.recovery.nonce),
                "wrapped_key": b64::encode(&self.recovery.wrapped_key),
            },
        })
        .to_string()
    }

    /// Reads a stored keyring.
    pub fn decode(raw: &str) -> Result<Keyring, KeyringError> {
        let damaged = |why: &str| KeyringError::Damaged(why.to_owned());
        let value: Value = serde_json::from_str(raw).map_err(|_| damaged("not JSON"))?;
        if value["format"] != FORMAT {
            return Err(damaged("not a keyring"));
        }
        let version = value["version"]
            .as_u64()
            .ok_or_else(|| damaged("no version"))?;
        if version != u64::from(VERSION) {
            return Err(KeyringError::NewerVersion(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let text = |v: &Value, field: &str| -> Result<String, KeyringError> {
            v[field]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| KeyringError::Damaged(format!("no {field}")))
        };
        let passcode = &value["passcode"];
        let recovery = &value["recovery"];
        if passcode["kdf"] != PASSCODE_KDF || recovery["kdf"] != RECOVERY_KDF {
            return Err(damaged("an unknown key derivation"));
        }
        let iterations = passcode["iterations"]
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| damaged("no iteration count"))?;
        let salt16 = |v: &Value| -> Result<[u8; 16], KeyringError> {
            b64::decode_array(&text(v, "salt")?).ok_or_else(|| damaged("a damaged salt"))
        };
        let wrapped = |v: &Value| -> Result<Wrapped, KeyringError> {
            Ok(Wrapped {
                nonce: b64::decode_array(&text(v, "nonce")?)
                    .ok_or_else(|| damaged("a damaged nonce"))?,
                wrapped_key: b64::decode(&text(v, "wrapped_key")?)
                    .filter(|k| k.len() == 48)
                    .ok_or_else(|| damaged("a damaged wrapped key"))?,
            })
        };
        Ok(Keyring {
            id: text(&value, "id")?,
            created_at: value["created_at"].as_i64().unwrap_or(0),
            passcode_kdf: PasscodeKdf {
                iterations,
                salt: salt16(passcode)?,
            },
            passcode: wrapped(passcode)?,
            recovery_salt: salt16(recovery)?,
            recovery: wrapped(recovery)?,
        })
    }

    /// Just the id of a stored keyring, read cheaply (checked before every sealed write).
    pub fn id_of(raw: &str) -> Option<String> {
        #[derive(Deserialize)]
        struct Head {
            id: String,
        }
        serde_json::from_str::<Head>(raw).ok().map(|h| h.id)
    }
}

fn passcode_aad(id: &str, kdf: &PasscodeKdf) -> Vec<u8> {
    json!([
        FORMAT,
        VERSION,
        id,
        "passcode",
        PASSCODE_KDF,
        kdf.iterations,
        b64::encode(&kdf.salt)
    ])
    .to_string()
    .into_bytes()
}

fn recovery_aad(id: &str, salt: &[u8; 16]) -> Vec<u8> {
    json!([
        FORMAT,
        VERSION,
        id,
        "recovery",
        RECOVERY_KDF,
        b64::encode(salt)
    ])
    .to_string()
    .into_bytes()
}

fn wrap(data_key: &DataKey, with: &WrappingKey, aad: &[u8]) -> Result<Wrapped, RandomError> {
    let (nonce, wrapped_key) = with.seal(data_key.bytes(), aad)?;
    Ok(Wrapped { nonce, wrapped_key })
}

fn unwrap(wrapped: &Wrapped, with: &WrappingKey, aad: &[u8]) -> Option<DataKey> {
    let bytes = zeroize::Zeroizing::new(with.open(&wrapped.nonce, &wrapped.wrapped_key, aad)?);
    let array: [u8; 32] = bytes.as_slice().try_into().ok()?;
    Some(DataKey::from_bytes(array))
}
