//! The one cipher the lock uses: AES-256-GCM from the audited RustCrypto `aes-gcm` crate.
//!
//! Two kinds of 256-bit key go through it: the [`DataKey`] that seals every record, and the
//! [`WrappingKey`]s (derived from the passcode or the recovery key) that seal the data key in the
//! keyring. Keeping them as distinct types means one can't be passed where the other belongs.
//! Both are wiped from memory when dropped.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use zeroize::Zeroizing;

use super::random::{self, RandomError};

/// Bytes in an AES-GCM nonce: 96 bits, fresh and random for every message.
pub const NONCE_BYTES: usize = 12;

/// The random 256-bit key that seals every record. Exists only in memory while unlocked, and in
/// storage only wrapped (see [`keyring`](super::keyring)).
pub struct DataKey {
    bytes: Zeroizing<[u8; 32]>,
    cipher: Aes256Gcm,
}

/// A 256-bit key derived from the passcode (PBKDF2) or the recovery key (HKDF), used only to wrap
/// and unwrap the [`DataKey`].
pub struct WrappingKey {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

impl std::fmt::Debug for WrappingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WrappingKey(..)")
    }
}

impl DataKey {
    /// A fresh random data key.
    pub fn generate() -> Result<Self, RandomError> {
        Ok(Self::from_bytes(random::bytes::<32>()?))
    }

    /// The key with these bytes (after unwrapping it).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let bytes = Zeroizing::new(bytes);
        let cipher = Aes256Gcm::new(bytes.as_ref().into());
        DataKey { bytes, cipher }
    }

    /// The raw bytes, for wrapping.
    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// Seals `plaintext` under a fresh random nonce, bound to `aad`.
    pub(super) fn seal(
        &self,
        plaintext: &[u8],
        aad: &[u8],
    ) -> Result<([u8; NONCE_BYTES], Vec<u8>), RandomError> {
        seal_with(&self.cipher, plaintext, aad)
    }

    /// Opens what [`DataKey::seal`] made; `None` if the key, the nonce, the associated data or
    /// the ciphertext is not exactly what sealed it.
    pub(super) fn open(
        &self,
        nonce: &[u8; NONCE_BYTES],
        ciphertext: &[u8],
        aad: &[u8],
    ) -> Option<Vec<u8>> {
        open_with(&self.cipher, nonce, ciphertext, aad)
    }
}

impl WrappingKey {
    /// The key with these bytes (the output of PBKDF2 or HKDF).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let bytes = Zeroizing::new(bytes);
        WrappingKey {
            cipher: Aes256Gcm::new(bytes.as_ref().into()),
        }
    }

    pub(super) fn seal(
        &self,
        plaintext: &[u8],
        aad: &[u8],
    ) -> Result<([u8; NONCE_BYTES], Vec<u8>), RandomError> {
        seal_with(&self.cipher, plaintext, aad)
    }

    pub(super) fn open(
        &self,
        nonce: &[u8; NONCE_BYTES],
        ciphertext: &[u8],
        aad: &[u8],
    ) -> Option<Vec<u8>> {
        open_with(&self.cipher, nonce, ciphertext, aad)
    }
}

fn seal_with(
    cipher: &Aes256Gcm,
    plaintext: &[u8],
    aad: &[u8],
) -> Result<([u8; NONCE_BYTES], Vec<u8>), RandomError> {
    let nonce = random::bytes::<NONCE_BYTES>()?;
    let ciphertext = cipher
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

fn open_with(
    cipher: &Aes256Gcm,
    nonce: &[u8; NONCE_BYTES],
    ciphertext: &[u8],
    aad: &[u8],
) -> Option<Vec<u8>> {
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
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
