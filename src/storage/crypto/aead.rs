//! The one cipher the lock uses: AES-256-GCM from the audited RustCrypto `aes-gcm` crate.
//!
//! Two kinds of 256-bit key go through it: the [`DataKey`] that seals every record, and the
//! [`WrappingKey`]s (derived from the passcode or the recovery key) that seal the data key in the
//! keyring. Both are one [`Key`] type, told apart by what they are for, so one can't be passed
//! where the other belongs. Both are wiped from memory when dropped.

use std::marker::PhantomData;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use zeroize::Zeroizing;

use super::random::{self, RandomError};

/// Bytes in an AES-GCM nonce: 96 bits, fresh and random for every message.
pub const NONCE_BYTES: usize = 12;

/// A 256-bit AES-GCM key, for one use only (`U`: [`Records`] or [`Wrapping`]); one
/// implementation of sealing and opening serves both. Wiped from memory when dropped.
pub struct Key<U> {
    bytes: Zeroizing<[u8; 32]>,
    cipher: Aes256Gcm,
    _use: PhantomData<U>,
}

/// What a key is for, so that a wrapping key can't be passed where the data key belongs.
pub trait KeyUse {
    /// The key's name in debug output (never its bytes).
    const NAME: &'static str;
}

/// Sealing records: the [`DataKey`].
pub enum Records {}

/// Wrapping the data key: a [`WrappingKey`].
pub enum Wrapping {}

impl KeyUse for Records {
    const NAME: &'static str = "DataKey";
}

impl KeyUse for Wrapping {
    const NAME: &'static str = "WrappingKey";
}

/// The random 256-bit key that seals every record. Exists only in memory while unlocked, and in
/// storage only wrapped (see [`keyring`](super::keyring)).
pub type DataKey = Key<Records>;

/// A 256-bit key derived from the passcode (PBKDF2) or the recovery key (HKDF), used only to wrap
/// and unwrap the [`DataKey`].
pub type WrappingKey = Key<Wrapping>;

impl<U: KeyUse> std::fmt::Debug for Key<U> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}(..)", U::NAME)
    }
}

impl<U> Key<U> {
    /// The key with these bytes (after unwrapping it, or the output of PBKDF2 or HKDF).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let bytes = Zeroizing::new(bytes);
        let cipher = Aes256Gcm::new(bytes.as_ref().into());
        Key {
            bytes,
            cipher,
            _use: PhantomData,
        }
    }

    /// Seals `plaintext` under a fresh random nonce, bound to `aad`.
    pub(super) fn seal(
        &self,
        plaintext: &[u8],
        aad: &[u8],
    ) -> Result<([u8; NONCE_BYTES], Vec<u8>), RandomError> {
        let nonce = random::bytes::<NONCE_BYTES>()?;
        let ciphertext = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            // Encryption only fails for messages of more than 64 GiB.
            .expect("AES-GCM encrypts anything that fits in a browser's storage");
        Ok((nonce, ciphertext))
    }

    /// Opens what [`Key::seal`] made; `None` if the key, the nonce, the associated data or the
    /// ciphertext is not exactly what sealed it.
    pub(super) fn open(
        &self,
        nonce: &[u8; NONCE_BYTES],
        ciphertext: &[u8],
        aad: &[u8],
    ) -> Option<Vec<u8>> {
        self.cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad,
                },
            )
            .ok()
    }
}

impl DataKey {
    /// A fresh random data key.
    pub fn generate() -> Result<Self, RandomError> {
        Ok(Self::from_bytes(random::bytes::<32>()?))
    }

    /// The raw bytes, for wrapping (only the data key's are ever wrapped).
    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_sealed_twice_gets_two_nonces_and_two_ciphertexts() {
        let key = DataKey::generate().unwrap();
        let (n1, c1) = key.seal(b"hope", b"ad").unwrap();
        let (n2, c2) = key.seal(b"hope", b"ad").unwrap();
        assert_ne!(n1, n2);
        assert_ne!(c1, c2);
        assert_eq!(key.open(&n1, &c1, b"ad").as_deref(), Some(&b"hope"[..]));
    }

    #[test]
    fn another_key_or_other_associated_data_opens_nothing() {
        let key = DataKey::generate().unwrap();
        let other = DataKey::generate().unwrap();
        let (nonce, ct) = key.seal(b"hope", b"ad").unwrap();
        assert_eq!(other.open(&nonce, &ct, b"ad"), None);
        assert_eq!(key.open(&nonce, &ct, b"other"), None);
        let mut flipped = ct.clone();
        flipped[0] ^= 1;
        assert_eq!(key.open(&nonce, &flipped, b"ad"), None);
        assert_eq!(key.open(&nonce, &ct[..ct.len() - 1], b"ad"), None);
    }

    #[test]
    fn aes_256_gcm_matches_a_published_test_vector() {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 14: a zero key,
        // nonce and block.
        let key = WrappingKey::from_bytes([0; 32]);
        let ct = key
            .cipher
            .encrypt(Nonce::from_slice(&[0; 12]), &[0u8; 16][..])
            .unwrap();
        assert_eq!(
            hex(&ct),
            "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"
        );
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}
