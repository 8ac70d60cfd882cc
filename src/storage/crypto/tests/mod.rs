//! Native tests of the passcode lock's storage side: the derivations against published vectors,
//! the keyring and sealing here; the sealed backend under the real store, and every conversion
//! with a write failing (or the page stopping) at every possible point, in [`store`].

mod store;

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::{json, Value};

use super::aead::DataKey;
use super::convert::{self, LockError};
use super::keyring::{Keyring, KeyringError, PasscodeKdf, UnwrapError, PASSCODE_ITERATIONS};
use super::native_kdf::*;
use super::recovery_key::RecoveryKey;
use super::sealed::{self, OpenError};
use super::sealed_backend::{LockSlot, SealedBackend, SharedSlot};
use super::KEYRING;
use crate::storage::backend::Backend;
use crate::storage::keys;
use crate::storage::memory_backend::{MemoryBackend, WriteFault};
use crate::storage::record::RecordError;
use crate::storage::store::Store;

const PASSCODE: &str = "a long walk by the river";
const WORDS: [&str; 3] = ["lighthouse", "blackbird", "marmalade"];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A lock as set up in the browser, with its secrets, for tests.
struct Lock {
    keyring: Keyring,
    data_key: DataKey,
    recovery: RecoveryKey,
}

fn new_lock() -> Lock {
    let data_key = DataKey::generate().unwrap();
    let recovery = RecoveryKey::generate().unwrap();
    let kdf = test_kdf();
    let pk = passcode_key(PASSCODE, &kdf);
    let salt = super::random::bytes::<16>().unwrap();
    let rk = recovery_wrapping_key(&recovery, &salt);
    let keyring = Keyring::new(&data_key, kdf, &pk, salt, &rk, 1_000).unwrap();
    Lock {
        keyring,
        data_key,
        recovery,
    }
}

fn unlock(keyring: &Keyring, passcode: &str) -> Result<DataKey, UnwrapError> {
    keyring.unlock_with_passcode(&passcode_key(passcode, keyring.passcode_kdf()))
}

/// Two data keys are the same key when one opens what the other sealed.
fn same_key(a: &DataKey, b: &DataKey) -> bool {
    let sealed = sealed::seal("peer-study/journal", "x", 2, a).unwrap();
    sealed::open("peer-study/journal", &sealed, b).is_ok()
}

// ----- derivations -----

#[test]
fn pbkdf2_hmac_sha256_matches_published_vectors() {
    // RFC 7914 section 11 and the widely used PBKDF2-HMAC-SHA256 vectors.
    assert_eq!(
        hex(&pbkdf2_bytes("password", b"salt", 1)),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    assert_eq!(
        hex(&pbkdf2_bytes("password", b"salt", 4096)),
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
    );
}

#[test]
fn hkdf_sha256_matches_rfc_5869() {
    let salt: Vec<u8> = (0x00..=0x0c).collect();
    let info: Vec<u8> = (0xf0..=0xf9).collect();
    assert_eq!(
        hex(&hkdf_bytes(&[0x0b; 22], &salt, &info)),
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
    );
}

// ----- the keyring -----

#[test]
fn new_passcodes_use_at_least_600000_iterations_and_a_fresh_salt() {
    let a = PasscodeKdf::fresh().unwrap();
    let b = PasscodeKdf::fresh().unwrap();
    assert!(a.iterations >= 600_000);
    assert_eq!(a.iterations, PASSCODE_ITERATIONS);
    assert_ne!(a.salt, b.salt);
    assert!(!a.is_weaker_than_today());
    assert!(test_kdf().is_weaker_than_today());
}

#[test]
fn the_right_passcode_or_recovery_key_unwraps_the_data_key_and_nothing_else_does() {
    let lock = new_lock();
    let stored = Keyring::decode(&lock.keyring.encode()).unwrap();
    assert_eq!(stored, lock.keyring);
    assert!(same_key(
        &unlock(&stored, PASSCODE).unwrap(),
        &lock.data_key
    ));
    assert_eq!(
        unlock(&stored, "a long walk by the rivers").err(),
        Some(UnwrapError::WrongPasscode)
    );
    let rk = recovery_wrapping_key(&lock.recovery, stored.recovery_salt());
    assert!(same_key(
        &stored.unlock_with_recovery_key(&rk).unwrap(),
        &lock.data_key
    ));
    let other = RecoveryKey::generate().unwrap();
    let wrong = recovery_wrapping_key(&other, stored.recovery_salt());
    assert_eq!(
        stored.unlock_with_recovery_key(&wrong).err(),
        Some(UnwrapError::WrongRecoveryKey)
    );
    // The passcode's key does not open the recovery slot, nor the other way round.
    let pk = passcode_key(PASSCODE, stored.passcode_kdf());
    assert!(stored.unlock_with_recovery_key(&pk).is_err());
}

#[test]
fn no_passcode_hash_or_secret_is_stored_in_the_keyring() {
    let lock = new_lock();
    let text = lock.keyring.encode();
    let derived = pbkdf2_bytes(
        PASSCODE,
        &lock.keyring.passcode_kdf().salt,
        lock.keyring.passcode_kdf().iterations,
    );
    assert!(!text.contains(PASSCODE));
    assert!(!text.contains(&super::b64::encode(&derived)));
    assert!(!text.contains(&hex(&derived)));
    assert!(!text.contains(&super::b64::encode(lock.recovery.bytes())));
    let value: Value = serde_json::from_str(&text).unwrap();
    let fields: Vec<&String> = value["passcode"].as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        ["iterations", "kdf", "nonce", "salt", "wrapped_key"]
            .iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn changing_the_passcode_rewraps_only_the_passcode_slot() {
    let lock = new_lock();
    let kdf = test_kdf();
    let new_key = passcode_key("a new passphrase", &kdf);
    let changed = lock
        .keyring
        .with_new_passcode(&lock.data_key, kdf, &new_key)
        .unwrap();
    let stored = Keyring::decode(&changed.encode()).unwrap();
    assert_eq!(stored.id, lock.keyring.id);
    assert!(unlock(&stored, PASSCODE).is_err());
    assert!(same_key(
        &unlock(&stored, "a new passphrase").unwrap(),
        &lock.data_key
    ));
    let rk = recovery_wrapping_key(&lock.recovery, stored.recovery_salt());
    assert!(stored.unlock_with_recovery_key(&rk).is_ok());
}

#[test]
fn lowering_the_stored_iterations_or_changing_the_salt_stops_the_passcode_working() {
    let lock = new_lock();
    let mut value: Value = serde_json::from_str(&lock.keyring.encode()).unwrap();
    value["passcode"]["iterations"] = json!(1);
    let weakened = Keyring::decode(&value.to_string()).unwrap();
    let pk = passcode_key(PASSCODE, weakened.passcode_kdf());
    assert!(weakened.unlock_with_passcode(&pk).is_err());
    assert!(weakened.passcode_kdf().is_weaker_than_today());
}

#[test]
fn a_damaged_or_newer_keyring_says_so() {
    let lock = new_lock();
    assert!(matches!(
        Keyring::decode("{"),
        Err(KeyringError::Damaged(_))
    ));
    assert!(matches!(
        Keyring::decode(r#"{"format":"something else","version":1}"#),
        Err(KeyringError::Damaged(_))
    ));
    let mut value: Value = serde_json::from_str(&lock.keyring.encode()).unwrap();
    value["version"] = json!(2);
    assert_eq!(
        Keyring::decode(&value.to_string()),
        Err(KeyringError::NewerVersion(2))
    );
    let mut cut: Value = serde_json::from_str(&lock.keyring.encode()).unwrap();
    cut["passcode"]["wrapped_key"] = json!("AAAA");
    assert!(matches!(
        Keyring::decode(&cut.to_string()),
        Err(KeyringError::Damaged(_))
    ));
    assert_eq!(
        Keyring::id_of(&lock.keyring.encode()),
        Some(lock.keyring.id.clone())
    );
}

// ----- sealing one value -----

const ENVELOPE: &str =
    r#"{"rev":3,"saved_at":1700,"data":{"text":"a lighthouse and a blackbird"}}"#;

#[test]
fn a_plain_record_that_quotes_the_word_sealed_is_not_taken_for_a_sealed_one() {
    // As the store writes records ("data" first), and with its keys in another order.
    for plain in [
        r#"{"data":{"text":"the \"sealed\" envelope","sealed":1},"rev":1,"saved_at":5}"#,
        r#"{"rev":1,"sealed":{"v":1},"data":{"text":"a blackbird"}}"#,
    ] {
        assert!(!sealed::is_sealed(plain), "{plain}");
    }
}

#[test]
fn a_sealed_record_keeps_its_revision_and_time_readable_and_opens_byte_for_byte() {
    let key = DataKey::generate().unwrap();
    let stored = sealed::seal(keys::JOURNAL, ENVELOPE, 2, &key).unwrap();
    assert!(sealed::is_sealed(&stored));
    assert!(!stored.contains("lighthouse"));
    let value: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["rev"], 3);
    assert_eq!(value["saved_at"], 1700);
    assert_eq!(value["sealed"]["schema"], 2);
    assert_eq!(
        sealed::open(keys::JOURNAL, &stored, &key).unwrap(),
        ENVELOPE
    );
    // A fresh nonce each time: the same text never seals the same way twice.
    let again = sealed::seal(keys::JOURNAL, ENVELOPE, 2, &key).unwrap();
    assert_ne!(again, stored);
    let nonce = |s: &str| serde_json::from_str::<Value>(s).unwrap()["sealed"]["nonce"].clone();
    assert_ne!(nonce(&again), nonce(&stored));
}

#[test]
fn a_sealed_value_moved_relabelled_tampered_with_or_cut_short_will_not_open() {
    let key = DataKey::generate().unwrap();
    let stored = sealed::seal(keys::JOURNAL, ENVELOPE, 2, &key).unwrap();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&stored).unwrap();
        f(&mut v);
        v.to_string()
    };
    // Moved to another record.
    assert_eq!(
        sealed::open(keys::PLACEMENT, &stored, &key),
        Err(OpenError::WontOpen)
    );
    // Rolled back or forward by editing the readable revision or time.
    for tampered in [
        edit(&|v| v["rev"] = json!(4)),
        edit(&|v| v["saved_at"] = json!(1)),
        edit(&|v| v["sealed"]["schema"] = json!(3)),
    ] {
        assert_eq!(
            sealed::open(keys::JOURNAL, &tampered, &key),
            Err(OpenError::WontOpen)
        );
    }
    // A flipped bit and a shortened ciphertext.
    let ct = serde_json::from_str::<Value>(&stored).unwrap()["sealed"]["ct"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut bytes = super::b64::decode(&ct).unwrap();
    bytes[5] ^= 0x20;
    let flipped = super::b64::encode(&bytes);
    let short = super::b64::encode(&bytes[..bytes.len() - 4]);
    for bad in [flipped, short] {
        let tampered = edit(&|v| v["sealed"]["ct"] = json!(bad));
        assert_eq!(
            sealed::open(keys::JOURNAL, &tampered, &key),
            Err(OpenError::WontOpen)
        );
    }
    // Another lock's key.
    let other = DataKey::generate().unwrap();
    assert_eq!(
        sealed::open(keys::JOURNAL, &stored, &other),
        Err(OpenError::WontOpen)
    );
    // The stored text itself cut short is not even sealed-looking JSON.
    assert!(!sealed::is_sealed(&stored[..stored.len() - 3]));
    assert_eq!(
        sealed::open(
            keys::JOURNAL,
            &edit(&|v| v["sealed"]["nonce"] = json!("x")),
            &key
        ),
        Err(OpenError::Damaged("no nonce"))
    );
}

#[test]
fn text_that_is_not_an_envelope_is_sealed_whole_with_nothing_readable() {
    let key = DataKey::generate().unwrap();
    let raw = "{\"rev\": 1, damaged lighthouse";
    let stored = sealed::seal(keys::JOURNAL, raw, 2, &key).unwrap();
    let value: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value.as_object().unwrap().len(), 1);
    assert_eq!(sealed::open(keys::JOURNAL, &stored, &key).unwrap(), raw);
}
