//! Helpers more than one native suite needs: stores and records as the app writes them, the
//! saved-data fixtures, a temp folder and the independent Python readers, and a passcode lock.
//!
//! The lock is set up as the browser sets one up, but with its key derivations from the RustCrypto
//! crates (the browser uses Web Crypto; both are checked against the same published vectors) and
//! few PBKDF2 iterations, so a debug build stays quick.

use std::path::{Path, PathBuf};
use std::process::Command;

use peer_study::domain::date::CalendarDate;
use peer_study::storage::crypto::aead::{DataKey, WrappingKey};
use peer_study::storage::crypto::keyring::{Keyring, PasscodeKdf, RECOVERY_HKDF_INFO};
use peer_study::storage::crypto::recovery_key::RecoveryKey;
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::migrate::Snapshot;
use peer_study::storage::schema::Meta;
use serde_json::{json, Value};
use sha2::Sha256;

/// A calendar date from its ISO text, `YYYY-MM-DD`.
pub fn date(text: &str) -> CalendarDate {
    text.parse().unwrap()
}

// Stored data.

/// A backend as a device running this build leaves it: the current schema's version record (so
/// a load is not a first run and migrates nothing), then each `(key, raw value)` in `records`.
pub fn current_backend(records: &[(&str, &str)]) -> MemoryBackend {
    let mut backend = MemoryBackend::new();
    backend.insert_raw(keys::META, &Meta::current().encode());
    for (key, raw) in records {
        backend.insert_raw(key, raw);
    }
    backend
}

/// A draft as the app stores it, with one section holding `text`.
pub fn draft(text: &str) -> Value {
    json!({
        "assignment_id": "essay",
        "sections": [{"id": 1, "title": "My story", "text": text}],
        "next_section_id": 2,
        "updated_at": 0
    })
}

/// A journal as the app stores it, one reflection per body.
pub fn journal(bodies: &[&str]) -> Value {
    let entries: Vec<Value> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            json!({"id": format!("journal-{}", i + 1), "date": "2026-11-20", "body": body})
        })
        .collect();
    json!({"entries": entries, "next_number": bodies.len() + 1})
}

/// The saved data of schema version `version` as that version wrote it, key by raw value
/// (`tests/fixtures/schema-v<N>.json`).
pub fn fixture(version: u32) -> Snapshot {
    let path = format!(
        "{}/tests/fixtures/schema-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// A backend holding exactly `snapshot`, as a browser whose localStorage holds it.
pub fn backend_with(snapshot: &Snapshot) -> MemoryBackend {
    let mut backend = MemoryBackend::new();
    for (key, raw) in snapshot {
        backend.insert_raw(key, raw);
    }
    backend
}

// Files and the independent readers.

/// A temp folder of our own, removed when dropped. `name` must differ between tests: they run
/// side by side in one process.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("peer-study-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What one of the independent readers in `tests/tools/` (`tool`, such as `read_docx.py`) found
/// in `files`, as the JSON it prints. Fails clearly if it cannot run: `package` names the Python
/// package it needs and `kind` the files it reads, for the message.
pub fn read_with_python(tool: &str, package: &str, kind: &str, files: &[PathBuf]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(tool);
    let output = Command::new("python3")
        .arg(&script)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("could not run python3 to check the {kind}: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => {}
        Some(3) => panic!(
            "{package} is missing, so the {kind} cannot be checked independently. \
             Install it with `pip install {package}` (make test does this). {stderr}"
        ),
        _ => panic!("{package} could not read the {kind}: {stderr}"),
    }
    serde_json::from_slice(&output.stdout).expect("the reader prints JSON")
}

// The passcode lock.

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
