//! Encrypted backups with the browser's real Web Crypto, as My data makes and opens them: a
//! keyring made at the full 600,000 iterations, a backup sealed with it, then opened again from
//! the file's own keyring with the passcode and with the recovery key; a wrong passcode refused.

use peer_study::app::lock::web_crypto;
use peer_study::storage::backup::{self, BackupError, BackupFile};
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::schema::Meta;
use peer_study::storage::store::Store;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{web_crypto_lock, WebCryptoLock};

const PASSCODE: &str = "heron on one leg";
const NOW: i64 = 1_795_300_000_000;

#[wasm_bindgen_test]
async fn an_encrypted_backup_opens_with_web_crypto_and_the_passcode_or_recovery_key_only() {
    let WebCryptoLock {
        keyring,
        data_key,
        recovery,
    } = web_crypto_lock(PASSCODE).await;

    let mut backend = MemoryBackend::new();
    backend.insert_raw(keys::META, &Meta::current().encode());
    let (mut store, _) = Store::load(backend, NOW);
    store
        .set(
            keys::JOURNAL,
            json!({"entries": [{"id": "journal-1", "date": "2026-11-20", "body": "kingfisher"}],
                   "next_number": 2}),
        )
        .unwrap();
    let file = backup::encrypt_backup(&store.export_backup(NOW), &keyring, &data_key).unwrap();
    assert!(!file.contains("kingfisher"));

    let BackupFile::Encrypted(encrypted) = backup::read_backup_file(&file, NOW).unwrap() else {
        panic!("an encrypted backup read as plain");
    };
    let ring = encrypted.keyring();
    let wrong = web_crypto::passcode_key("heron on two legs", ring.passcode_kdf())
        .await
        .unwrap();
    assert_eq!(
        encrypted.open_with_passcode(&wrong, NOW).unwrap_err(),
        BackupError::WrongPasscode
    );
    let right = web_crypto::passcode_key(PASSCODE, ring.passcode_kdf())
        .await
        .unwrap();
    let opened = encrypted.open_with_passcode(&right, NOW).unwrap();
    assert_eq!(
        opened.records[keys::JOURNAL].data,
        store.records()[keys::JOURNAL].data
    );
    let by_recovery = web_crypto::recovery_wrapping_key(&recovery, ring.recovery_salt())
        .await
        .unwrap();
    let opened = encrypted.open_with_recovery_key(&by_recovery, NOW).unwrap();
    assert_eq!(opened.records.len(), 1);
}
