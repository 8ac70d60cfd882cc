//! The passcode lock with the browser's real Web Crypto: the derivations against published
//! vectors (the same ones the native stand-ins are checked against), then a keyring made, stored
//! in localStorage and unlocked at the full 600,000 iterations, with a wrong passcode refused.

use peer_study::app::lock::web_crypto;
use peer_study::storage::backend::Backend;
use peer_study::storage::crypto::keyring::{Keyring, UnwrapError, PASSCODE_ITERATIONS};
use peer_study::storage::crypto::recovery_key::RecoveryKey;
use peer_study::storage::crypto::sealed_backend::{LockSlot, SealedBackend};
use peer_study::storage::crypto::{convert, KEYRING};
use peer_study::storage::keys;
use peer_study::storage::local_storage::LocalStorageBackend;
use peer_study::storage::store::Store;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{reset_page, stored, web_crypto_lock, WebCryptoLock};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen_test]
async fn web_crypto_pbkdf2_and_hkdf_match_the_published_vectors() {
    let one = web_crypto::pbkdf2_sha256(b"password", b"salt", 1)
        .await
        .unwrap();
    assert_eq!(
        hex(&one),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    let many = web_crypto::pbkdf2_sha256(b"password", b"salt", 4096)
        .await
        .unwrap();
    assert_eq!(
        hex(&many),
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
    );
    let salt: Vec<u8> = (0x00..=0x0c).collect();
    let info: Vec<u8> = (0xf0..=0xf9).collect();
    let okm = web_crypto::hkdf_sha256(&[0x0b; 22], &salt, &info)
        .await
        .unwrap();
    assert_eq!(
        hex(&okm),
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
    );
}

#[wasm_bindgen_test]
async fn a_keyring_made_with_web_crypto_unlocks_with_the_passcode_or_recovery_key_only() {
    reset_page();
    let WebCryptoLock {
        keyring,
        data_key,
        recovery,
    } = web_crypto_lock("river stones and tea").await;
    assert_eq!(keyring.passcode_kdf().iterations, PASSCODE_ITERATIONS);

    // Turn the lock on over real localStorage, with a record already there.
    let mut raw = LocalStorageBackend::open();
    raw.set(
        keys::JOURNAL,
        r#"{"rev":1,"saved_at":1,"data":{"text":"kingfisher"}}"#,
    )
    .unwrap();
    convert::turn_on(&mut raw, &keyring, &data_key).unwrap();
    assert!(!stored(keys::JOURNAL).unwrap().contains("kingfisher"));

    // As after a reload: the keyring from storage, the passcode typed again.
    let stored_ring = Keyring::decode(&stored(KEYRING).unwrap()).unwrap();
    let wrong = web_crypto::passcode_key("river stones and coffee", stored_ring.passcode_kdf())
        .await
        .unwrap();
    assert_eq!(
        stored_ring.unlock_with_passcode(&wrong).err(),
        Some(UnwrapError::WrongPasscode)
    );
    let right = web_crypto::passcode_key("river stones and tea", stored_ring.passcode_kdf())
        .await
        .unwrap();
    let key = stored_ring.unlock_with_passcode(&right).unwrap();
    let by_recovery = web_crypto::recovery_wrapping_key(
        &RecoveryKey::parse(&recovery.to_text().to_lowercase()).unwrap(),
        stored_ring.recovery_salt(),
    )
    .await
    .unwrap();
    assert!(stored_ring.unlock_with_recovery_key(&by_recovery).is_ok());

    let slot = LockSlot::shared();
    slot.borrow_mut().unlock(stored_ring.id.clone(), key);
    let (mut store, report) = Store::load(SealedBackend::new(LocalStorageBackend::open(), slot), 5);
    assert!(report.newly_set_aside.is_empty());
    assert_eq!(
        store.get(keys::JOURNAL),
        Some(&json!({"text": "kingfisher"}))
    );
    store
        .set(keys::JOURNAL, json!({"text": "kingfisher and heron"}))
        .unwrap();
    assert!(store.save(6).succeeded());
    assert!(!stored(keys::JOURNAL).unwrap().contains("heron"));
    reset_page();
}
