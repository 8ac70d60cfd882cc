//! Helpers more than one native suite needs.
//!
//! A passcode lock for the backup suites, set up as the browser sets one up, but with its key
//! derivations from the RustCrypto crates (the browser uses Web Crypto; both are checked against
//! the same published vectors) and few PBKDF2 iterations, so a debug build stays quick.

use peer_study::storage::crypto::aead::{DataKey, WrappingKey};
use peer_study::storage::crypto::keyring::{Keyring, PasscodeKdf, RECOVERY_HKDF_INFO};
use peer_study::storage::crypto::recovery_key::RecoveryKey;
use sha2::Sha256;

/// The passcode every test lock is set up with.
pub const PASSCODE: &str = "a quiet bench by the river";

/// A lock's keyring with the secrets that open it.
pub struct TestLock {
    pub keyring: Keyring,
    pub data_key: DataKey,
    pub recovery: RecoveryKey,
}

/// A new lock with `passcode` and a fresh recovery key.
pub fn new_lock(passcode: &str) -> TestLock {
    let data_key = DataKey::generate().unwrap();
    let recovery = RecoveryKey::generate().unwrap();
    let kdf = PasscodeKdf {
        iterations: 1_000,
        ..PasscodeKdf::fresh().unwrap()
    };
    let salt = [7u8; 16];
    let keyring = Keyring::new(
        &data_key,
        kdf.clone(),
        &passcode_key(&kdf, passcode),
        salt,
        &recovery_key(&salt, &recovery),
        1_795_000_000_000,
    )
    .unwrap();
    TestLock {
        keyring,
        data_key,
        recovery,
    }
}

/// The passcode's wrapping key with these parameters (PBKDF2-HMAC-SHA256).
pub fn passcode_key(kdf: &PasscodeKdf, passcode: &str) -> WrappingKey {
    WrappingKey::from_bytes(pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(
        passcode.as_bytes(),
        &kdf.salt,
        kdf.iterations,
    ))
}

/// The recovery key's wrapping key with this salt (HKDF-SHA256).
pub fn recovery_key(salt: &[u8; 16], key: &RecoveryKey) -> WrappingKey {
    let mut out = [0u8; 32];
    hkdf::Hkdf::<Sha256>::new(Some(salt), key.bytes())
        .expand(RECOVERY_HKDF_INFO, &mut out)
        .unwrap();
    WrappingKey::from_bytes(out)
}
