//! Native stand-ins for the browser's Web Crypto key derivations, for tests only: PBKDF2 and
//! HKDF from the RustCrypto crates. Both are checked against the same published vectors as the
//! Web Crypto versions (tests/browser/lock_crypto.rs), so the two agree.

use hkdf::Hkdf;
use sha2::Sha256;

use super::aead::WrappingKey;
use super::keyring::{PasscodeKdf, RECOVERY_HKDF_INFO};
use super::recovery_key::RecoveryKey;

/// Iterations for tests only. Real keyrings use `PASSCODE_ITERATIONS` (600,000); a debug build
/// of PBKDF2 at that count takes many seconds per derivation, and what the tests check (right
/// and wrong passcodes, rewrapping) does not depend on the count.
pub const TEST_ITERATIONS: u32 = 1_000;

/// Parameters like a real passcode's, but with [`TEST_ITERATIONS`].
pub fn test_kdf() -> PasscodeKdf {
    PasscodeKdf {
        iterations: TEST_ITERATIONS,
        ..PasscodeKdf::fresh().unwrap()
    }
}

/// PBKDF2-HMAC-SHA256 of the passcode, 32 bytes.
pub fn pbkdf2_bytes(passcode: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(passcode.as_bytes(), salt, iterations)
}

/// The passcode's wrapping key.
pub fn passcode_key(passcode: &str, kdf: &PasscodeKdf) -> WrappingKey {
    WrappingKey::from_bytes(pbkdf2_bytes(passcode, &kdf.salt, kdf.iterations))
}

/// HKDF-SHA256, 32 bytes.
pub fn hkdf_bytes(ikm: &[u8], salt: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    Hkdf::<Sha256>::new(Some(salt), ikm)
        .expand(info, &mut out)
        .expect("32 bytes is within HKDF's limit");
    out
}

/// The recovery key's wrapping key.
pub fn recovery_wrapping_key(key: &RecoveryKey, salt: &[u8; 16]) -> WrappingKey {
    WrappingKey::from_bytes(hkdf_bytes(key.bytes(), salt, RECOVERY_HKDF_INFO))
}
