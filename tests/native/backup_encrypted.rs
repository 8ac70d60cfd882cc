//! Encrypted backups, natively with the memory backend: what the file says about itself, that it
//! holds none of the trainee's words, that it restores with the passcode and with the recovery
//! key (merge and replace as for a plain file), and that a wrong key changes nothing. Malformed
//! and wrongly keyed encrypted files are in the table of malformed backups (backup_restore.rs).

use crate::support::{current_backend, draft, journal};
use crate::support::{new_lock, passcode_key, recovery_key, TestLock, PASSCODE};
use peer_study::storage::backup::{self, BackupError, BackupFile, EncryptedBackup, BACKUP_TYPE};
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::schema::CURRENT_VERSION;
use peer_study::storage::store::{SaveOutcome, Store};
use serde_json::{json, Value};

const NOW: i64 = 1_795_300_000_000;
const WORDS: [&str; 3] = ["lighthouse", "blackbird", "marmalade"];

fn store_with(journal_body: &str) -> Store<MemoryBackend> {
    let (mut store, _) = Store::load(current_backend(&[]), NOW - 10_000);
    store.set(keys::JOURNAL, journal(&[journal_body])).unwrap();
    store
        .set(&keys::draft("essay"), draft(&WORDS.join(" ")))
        .unwrap();
    assert_eq!(store.save(NOW - 10_000).outcome(), SaveOutcome::Saved);
    store
}

fn encrypted_file(lock: &TestLock) -> String {
    let plain = store_with("A lighthouse of a day").export_backup(NOW);
    backup::encrypt_backup(&plain, &lock.keyring, &lock.data_key).unwrap()
}

fn read_encrypted(file: &str) -> EncryptedBackup {
    match backup::read_backup_file(file, NOW).unwrap() {
        BackupFile::Encrypted(encrypted) => encrypted,
        BackupFile::Plain(_) => panic!("an encrypted backup read as plain"),
    }
}

fn fresh_store() -> Store<MemoryBackend> {
    Store::load(current_backend(&[]), NOW).0
}

#[test]
fn an_encrypted_backup_says_what_it_is_and_holds_none_of_the_words() {
    let lock = new_lock(PASSCODE);
    let file = encrypted_file(&lock);
    let value: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["type"], BACKUP_TYPE);
    assert_eq!(value["version"], CURRENT_VERSION);
    assert_eq!(value["exported_at"], "2026-11-21T22:26:40Z");
    assert_eq!(value["encrypted"], true);
    assert!(value.get("data").is_none());
    for word in WORDS
        .iter()
        .chain(&["journal", "essay", "draft", "My story"])
    {
        assert!(!file.contains(word), "the file shows {word:?}");
    }
    // The plain reader refuses it kindly rather than seeing a backup with no data.
    let refused = backup::parse_backup(&file, NOW).unwrap_err();
    assert_eq!(refused, BackupError::Encrypted);
    assert!(refused.to_string().contains("passcode or recovery key"));
}

#[test]
fn it_restores_on_a_fresh_device_with_the_passcode_and_with_the_recovery_key() {
    let lock = new_lock(PASSCODE);
    let file = encrypted_file(&lock);
    let plain =
        backup::parse_backup(&store_with("A lighthouse of a day").export_backup(NOW), NOW).unwrap();
    let encrypted = read_encrypted(&file);
    assert_eq!(encrypted.exported_at, "2026-11-21T22:26:40Z");

    let kdf = encrypted.keyring().passcode_kdf().clone();
    let with_passcode = encrypted
        .open_with_passcode(&passcode_key(&kdf, PASSCODE), NOW)
        .unwrap();
    assert_eq!(with_passcode.records, plain.records);
    assert_eq!(with_passcode.summary, plain.summary);

    let salt = *encrypted.keyring().recovery_salt();
    let with_recovery = encrypted
        .open_with_recovery_key(&recovery_key(&salt, &lock.recovery), NOW)
        .unwrap();
    assert_eq!(with_recovery.records, plain.records);

    let mut store = fresh_store();
    let report = store.restore_merge(&with_passcode, NOW).unwrap();
    assert_eq!(report.added.len(), 2);
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);
    let stored = store
        .backend()
        .entries()
        .values()
        .cloned()
        .collect::<String>();
    assert!(stored.contains("lighthouse") && stored.contains("A lighthouse of a day"));
}

#[test]
fn a_wrong_passcode_or_recovery_key_is_refused_and_changes_nothing() {
    let lock = new_lock(PASSCODE);
    let encrypted = read_encrypted(&encrypted_file(&lock));
    let kdf = encrypted.keyring().passcode_kdf().clone();
    let salt = *encrypted.keyring().recovery_salt();
    let mut store = store_with("Only here");
    let before = store.backend().entries().clone();

    let wrong = encrypted
        .open_with_passcode(&passcode_key(&kdf, "a quiet bench by the rivers"), NOW)
        .unwrap_err();
    assert_eq!(wrong, BackupError::WrongPasscode);
    assert!(wrong.to_string().ends_with("Nothing has been changed."));
    let other_key = new_lock(PASSCODE).recovery;
    let wrong = encrypted
        .open_with_recovery_key(&recovery_key(&salt, &other_key), NOW)
        .unwrap_err();
    assert_eq!(wrong, BackupError::WrongRecoveryKey);
    // The passcode's key is not the recovery key's, and the other way round.
    assert!(encrypted
        .open_with_recovery_key(&passcode_key(&kdf, PASSCODE), NOW)
        .is_err());

    assert_eq!(store.save(NOW).outcome(), SaveOutcome::NothingToSave);
    assert_eq!(store.backend().entries(), &before);
}

#[test]
fn two_devices_merge_and_each_keeps_the_others_work() {
    // Device A has a journal; device B a draft only. A sends an encrypted backup to B.
    let lock = new_lock(PASSCODE);
    let mut device_a = fresh_store();
    device_a
        .set(
            keys::JOURNAL,
            json!({"entries": [{"id": "journal-1", "date": "2026-11-20", "body": "marmalade"}],
                   "next_number": 2}),
        )
        .unwrap();
    assert_eq!(device_a.save(NOW).outcome(), SaveOutcome::Saved);
    let file = backup::encrypt_backup(&device_a.export_backup(NOW), &lock.keyring, &lock.data_key)
        .unwrap();
    assert!(!file.contains("marmalade"));

    let mut device_b = fresh_store();
    device_b
        .set(
            &keys::draft("essay"),
            json!({"assignment_id": "essay", "sections": [{"id": 1, "title": "Mine",
                   "text": "blackbird"}], "next_section_id": 2, "updated_at": 0}),
        )
        .unwrap();
    assert_eq!(device_b.save(NOW).outcome(), SaveOutcome::Saved);
    let encrypted = read_encrypted(&file);
    let kdf = encrypted.keyring().passcode_kdf().clone();
    let backup = encrypted
        .open_with_passcode(&passcode_key(&kdf, PASSCODE), NOW)
        .unwrap();
    device_b.restore_merge(&backup, NOW).unwrap();
    assert_eq!(device_b.save(NOW).outcome(), SaveOutcome::Saved);
    let stored = device_b
        .backend()
        .entries()
        .values()
        .cloned()
        .collect::<String>();
    assert!(stored.contains("marmalade") && stored.contains("blackbird"));
}
