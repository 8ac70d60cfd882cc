//! Backing up and restoring: a round trip, older formats, replace and merge, and a table of
//! malformed files that must each be refused kindly with nothing changed.

use crate::support::{current_backend, draft, fixture, journal, new_lock, passcode_key, PASSCODE};
use peer_study::domain::history::History;
use peer_study::storage::backup::{self, Backup, BackupError, BackupFile};
use peer_study::storage::backup::{BACKUP_TYPE, MAX_BACKUP_BYTES};
use peer_study::storage::crypto::b64;
use peer_study::storage::keys::{self, RecordKind};
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::quarantine::SetAsideKind;
use peer_study::storage::schema::CURRENT_VERSION;
use peer_study::storage::store::{SaveOutcome, Store};
use serde_json::{json, Value};

const NOW: i64 = 1_795_300_000_000;

fn store_with_work() -> Store<MemoryBackend> {
    let (mut store, _) = Store::load(current_backend(&[]), NOW - 10_000);
    store
        .set(
            keys::SETTINGS,
            json!({"theme": "dark", "text_size": "large"}),
        )
        .unwrap();
    store
        .set(&keys::draft("essay"), draft("My story, in my words. 😊"))
        .unwrap();
    store
        .set(&keys::draft("final"), draft("Final assignment"))
        .unwrap();
    store.set(keys::JOURNAL, journal(&["Week 2"])).unwrap();
    assert_eq!(store.save(NOW - 10_000).outcome(), SaveOutcome::Saved);
    store
}

fn backup_json(version: Value, data: Value) -> String {
    json!({"type": BACKUP_TYPE, "version": version, "exported_at": "2026-11-21T09:54:19Z", "data": data})
        .to_string()
}

fn good_record(data: Value) -> Value {
    json!({"rev": 1, "saved_at": 1_795_000_000_000i64, "data": data})
}

#[test]
fn a_backup_restores_into_a_fresh_device_with_the_same_data() {
    let mut store = store_with_work();
    let file = store.export_backup(NOW);
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    assert_eq!(parsed.summary.version, CURRENT_VERSION);
    assert_eq!(parsed.summary.exported_at, "2026-11-21T22:26:40Z");
    assert_eq!(
        parsed.summary.counts,
        vec![
            (RecordKind::Settings, 1),
            (RecordKind::Draft, 2),
            (RecordKind::Journal, 1)
        ]
    );
    assert_eq!(parsed.summary.newest_saved_at, Some(NOW - 10_000));

    let (mut fresh, _) = Store::load(MemoryBackend::new(), NOW);
    let report = fresh.restore_replace(&parsed).unwrap();
    assert_eq!(report.added.len(), 4);
    assert_eq!(fresh.save(NOW).outcome(), SaveOutcome::Saved);
    let (mut reloaded, _) = Store::load(fresh.backend().clone(), NOW + 1);
    for (key, record) in store.records() {
        assert_eq!(reloaded.get(key), Some(&record.data), "{key}");
    }
    assert_eq!(reloaded.records().len(), store.records().len());
}

#[test]
fn html_and_script_in_text_are_kept_as_plain_text() {
    let text = "<script>alert('hi')</script><img src=x onerror=alert(1)> & \"quotes\" </textarea>";
    let mut store = store_with_work();
    store.set(keys::JOURNAL, journal(&[text])).unwrap();
    let file = store.export_backup(NOW);
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    assert_eq!(
        parsed.records[keys::JOURNAL].data["entries"][0]["body"],
        text
    );
}

#[test]
fn a_version_1_backup_is_brought_up_to_date() {
    let file = backup_json(
        json!(1),
        json!({"peer-study.theme": "light", "peer-study.text-size": "larger"}),
    );
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    assert_eq!(parsed.summary.version, 1);
    assert_eq!(
        parsed.records[keys::SETTINGS].data,
        json!({"theme": "light", "text_size": "larger"})
    );
}

#[test]
fn a_version_2_backup_with_every_snapshot_whole_is_brought_up_to_date() {
    let key = keys::history("final-assignment");
    let v2 = fixture(2);
    let record: Value = serde_json::from_str(&v2[&key]).unwrap();
    let file = backup_json(json!(2), json!({ key.clone(): record }));
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    assert_eq!(parsed.summary.version, 2);
    let v3: Value = serde_json::from_str(&fixture(3)[&key]).unwrap();
    assert_eq!(parsed.records[&key].data, v3["data"], "each section once");
    let read: History = serde_json::from_value(parsed.records[&key].data.clone()).unwrap();
    assert_eq!(
        read.snapshots()[1].sections[1].text,
        "People who listened without judging, and walks by the river."
    );
}

#[test]
fn replacing_offers_a_backup_of_what_is_here_first_and_removes_what_the_backup_lacks() {
    let mut store = store_with_work();
    let before = store.export_backup(NOW);
    assert!(
        backup::parse_backup(&before, NOW).is_ok(),
        "the safety copy is itself restorable"
    );
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({ keys::JOURNAL: good_record(journal(&[])) }),
    );
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    let report = store.restore_replace(&parsed).unwrap();
    assert_eq!(report.removed.len(), 3);
    assert_eq!(report.replaced, vec![keys::JOURNAL.to_owned()]);
    store.save(NOW);
    assert_eq!(store.backend().peek(&keys::draft("essay")), None);
}

#[test]
fn merging_keeps_the_newer_copy_of_each_record_and_sets_the_other_aside() {
    let mut store = store_with_work(); // saved at NOW - 10_000
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({
            // Newer than this device's: wins.
            keys::draft("essay"): {"rev": 9, "saved_at": NOW, "data": draft("newer, from the laptop")},
            // Older than this device's: loses, kept aside.
            keys::JOURNAL: {"rev": 2, "saved_at": NOW - 50_000, "data": journal(&[])},
            // Only in the backup: added.
            keys::PLACEMENT: good_record(json!({"entries": []})),
            // The same: nothing happens.
            keys::draft("final"): good_record(draft("Final assignment")),
        }),
    );
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    let report = store.restore_merge(&parsed, NOW + 1).unwrap();
    assert_eq!(report.replaced, vec![keys::draft("essay")]);
    assert_eq!(report.kept_yours, vec![keys::JOURNAL.to_owned()]);
    assert_eq!(report.added, vec![keys::PLACEMENT.to_owned()]);
    assert_eq!(report.set_aside.len(), 2);

    assert_eq!(
        store.get(&keys::draft("essay")).unwrap()["sections"][0]["text"],
        "newer, from the laptop"
    );
    assert_eq!(
        store.get(keys::JOURNAL).unwrap()["entries"][0]["body"],
        "Week 2"
    );
    let copies = store.set_aside_entries();
    assert!(copies.iter().all(|c| c.kind == SetAsideKind::Superseded));
    assert!(copies
        .iter()
        .any(|c| c.raw.contains("My story, in my words")));
    assert!(copies.iter().any(|c| c.original_key == keys::JOURNAL));
    assert_eq!(store.save(NOW + 2).outcome(), SaveOutcome::Saved);
}

#[test]
fn unsaved_changes_here_count_as_newest_in_a_merge() {
    let mut store = store_with_work();
    store
        .set(&keys::draft("essay"), draft("typed just now"))
        .unwrap();
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({ keys::draft("essay"): {"rev": 9, "saved_at": NOW, "data": draft("backup")} }),
    );
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    let report = store.restore_merge(&parsed, NOW + 1).unwrap();
    assert_eq!(report.kept_yours, vec![keys::draft("essay")]);
    assert_eq!(
        store.get(&keys::draft("essay")).unwrap()["sections"][0]["text"],
        "typed just now"
    );
}

#[test]
fn restoring_into_read_only_data_is_refused() {
    let mut backend = MemoryBackend::new();
    backend.insert_raw(keys::META, r#"{"schema_version":99}"#);
    let (mut store, _) = Store::load(backend, NOW);
    let parsed = backup::parse_backup(&store_with_work().export_backup(NOW), NOW).unwrap();
    assert!(store.restore_replace(&parsed).is_err());
    assert!(store.restore_merge(&parsed, NOW).is_err());
}

/// One malformed file and a word its message must contain.
struct Bad {
    what: &'static str,
    file: String,
    says: &'static str,
}

fn bad(what: &'static str, file: impl Into<String>, says: &'static str) -> Bad {
    Bad {
        what,
        file: file.into(),
        says,
    }
}

fn malformed_files() -> Vec<Bad> {
    let v = json!(CURRENT_VERSION);
    let deep = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let deep_in_record = backup_json(
        v.clone(),
        json!({ keys::JOURNAL: good_record(json!("PLACEHOLDER")) }),
    )
    .replace(
        "\"PLACEHOLDER\"",
        &format!("{}1{}", "[".repeat(100), "]".repeat(100)),
    );
    let huge_text = "x".repeat(6 * 1024 * 1024);
    vec![
        bad("an empty file", "", "empty"),
        bad("only spaces and new lines", "  \n\t ", "empty"),
        bad("not JSON at all", "Dear diary, today I", "format"),
        bad("a Word document", "PK\u{3}\u{4}\u{14}\u{0}word/document.xml", "format"),
        bad("an HTML page", "<html><script>alert(1)</script></html>", "format"),
        bad("cut off part-way", &backup_json(v.clone(), json!({}))[..40], "part-way"),
        bad("a JSON list", "[1, 2, 3]", "isn't a Peer Study backup"),
        bad("a JSON string", "\"peer-study-backup\"", "isn't a Peer Study backup"),
        bad("no type", json!({"version": 2, "exported_at": "2026-11-21T09:54:19Z", "data": {}}).to_string(), "isn't a Peer Study backup"),
        bad("another app's backup", json!({"type": "excalidraw", "version": 2, "exported_at": "2026-11-21T09:54:19Z", "data": {}}).to_string(), "isn't a Peer Study backup"),
        bad("a type that is script", json!({"type": "<script>alert(1)</script>", "version": 2, "exported_at": "2026-11-21T09:54:19Z", "data": {}}).to_string(), "isn't a Peer Study backup"),
        bad("no version", json!({"type": BACKUP_TYPE, "exported_at": "2026-11-21T09:54:19Z", "data": {}}).to_string(), "\"version\""),
        bad("version as text", backup_json(json!("2"), json!({})), "whole number"),
        bad("version with a fraction", backup_json(json!(1.5), json!({})), "whole number"),
        bad("negative version", backup_json(json!(-1), json!({})), "whole number"),
        bad("version 0", backup_json(json!(0), json!({})), "never made"),
        bad("a newer version", backup_json(json!(CURRENT_VERSION + 1), json!({})), "newer version"),
        bad("a far-future version", backup_json(json!(u64::MAX), json!({})), "newer version"),
        bad("no export time", json!({"type": BACKUP_TYPE, "version": 2, "data": {}}).to_string(), "\"exported_at\""),
        bad("an export time that is script", json!({"type": BACKUP_TYPE, "version": 2, "exported_at": "<script>alert(1)</script>", "data": {}}).to_string(), "date and time"),
        bad("an impossible export date", json!({"type": BACKUP_TYPE, "version": 2, "exported_at": "2026-02-30T00:00:00Z", "data": {}}).to_string(), "date and time"),
        bad("no data", json!({"type": BACKUP_TYPE, "version": 2, "exported_at": "2026-11-21T09:54:19Z"}).to_string(), "\"data\""),
        bad("data as a list", backup_json(v.clone(), json!([1, 2])), "named records"),
        bad("data as text", backup_json(v.clone(), json!("everything")), "named records"),
        bad("a record that is not Peer Study's", backup_json(v.clone(), json!({"todos": good_record(json!([]))})), "isn't Peer Study data"),
        bad("a key named as script", backup_json(v.clone(), json!({"<script>alert(1)</script>": 1})), "isn't Peer Study data"),
        bad("a Peer Study key with script in its name", backup_json(v.clone(), json!({"peer-study/<img src=x>": good_record(json!(1))})), "isn't Peer Study data"),
        bad("a record that is plain text", backup_json(v.clone(), json!({ keys::JOURNAL: "entries" })), "can't be read"),
        bad("a record with no data", backup_json(v.clone(), json!({ keys::JOURNAL: {"rev": 1, "saved_at": 1} })), "no data"),
        bad("a record with a text revision", backup_json(v.clone(), json!({ keys::JOURNAL: {"rev": "one", "saved_at": 1, "data": {}} })), "revision"),
        bad("a record with a text save time", backup_json(v.clone(), json!({ keys::JOURNAL: {"rev": 1, "saved_at": "Tuesday", "data": {}} })), "saved time"),
        bad("settings with an unknown theme", backup_json(v.clone(), json!({ keys::SETTINGS: good_record(json!({"theme": "neon"})) })), "display settings"),
        bad("settings with a number for text size", backup_json(v.clone(), json!({ keys::SETTINGS: good_record(json!({"text_size": 3})) })), "display settings"),
        bad("a damaged set-aside copy", backup_json(v.clone(), json!({ "peer-study/quarantine/course@1": {"raw": 5} })), "set-aside"),
        bad("legacy keys in a version 2 file", backup_json(v.clone(), json!({"peer-study.theme": "dark"})), "isn't Peer Study data"),
        bad("a version 1 file with a non-text value", backup_json(json!(1), json!({"peer-study.theme": {"dark": true}})), "plain text"),
        bad("a plain string where the journal belongs", backup_json(v.clone(), json!({ keys::JOURNAL: good_record(json!("entries")) })), "your reflection journal"),
        bad("the number 42 where a draft belongs", backup_json(v.clone(), json!({ keys::draft("essay"): good_record(json!(42)) })), "one of your drafts"),
        bad("a course whose modules are not a list", backup_json(v.clone(), json!({ keys::COURSE: good_record(json!({"modules": "not a list"})) })), "your course"),
        bad("a draft's versions as text", backup_json(v.clone(), json!({ keys::history("essay"): good_record(json!({"snapshots": "many"})) })), "saved versions"),
        bad("a saved version naming a section that isn't there", backup_json(v.clone(), json!({ keys::history("essay"): good_record(json!({"next_id": 2, "section_versions": [], "snapshots": [{"id": 1, "taken_at": 1, "kind": "auto", "words": 0, "sections": [0]}]})) })), "saved versions"),
        bad("a list of assignments that is a number", backup_json(v.clone(), json!({ keys::ASSIGNMENTS: good_record(json!(7)) })), "list of assignments"),
        bad("nesting thousands deep", deep, "nested"),
        bad("nesting too deep inside a record", deep_in_record, "nested"),
        bad("more than 20 MB", format!("{{\"type\":\"{BACKUP_TYPE}\",\"pad\":\"{}\"}}", "x".repeat(MAX_BACKUP_BYTES)), "20 MB"),
        bad("a huge text that would not fit in storage", backup_json(v.clone(), json!({ keys::JOURNAL: good_record(json!({"text": huge_text})) })), "more than this browser can store"),
    ]
    .into_iter()
    .chain(malformed_encrypted_files())
    .collect()
}

/// An encrypted backup of [`store_with_work`] (opened in the table with [`PASSCODE`]), as JSON to
/// spoil, and the same made under a lock with another passcode.
fn encrypted_files() -> (Value, String) {
    let plain = store_with_work().export_backup(NOW);
    let lock = new_lock(PASSCODE);
    let good = backup::encrypt_backup(&plain, &lock.keyring, &lock.data_key).unwrap();
    let other = new_lock("another passcode entirely");
    let other_file = backup::encrypt_backup(&plain, &other.keyring, &other.data_key).unwrap();
    (serde_json::from_str(&good).unwrap(), other_file)
}

/// Encrypted files that are damaged, changed or opened with the wrong passcode.
fn malformed_encrypted_files() -> Vec<Bad> {
    let (good, other_passcode) = encrypted_files();
    let spoilt = |change: &dyn Fn(&mut Value)| {
        let mut file = good.clone();
        change(&mut file);
        file.to_string()
    };
    let flip_ct = |file: &mut Value| {
        let mut ct = b64::decode(file["sealed"]["ct"].as_str().unwrap()).unwrap();
        ct[10] ^= 1;
        file["sealed"]["ct"] = json!(b64::encode(&ct));
    };
    let (same_passcode_other_lock, _) = encrypted_files();
    let good_text = good.to_string();
    vec![
        bad(
            "an encrypted backup opened with another passcode",
            other_passcode,
            "passcode doesn't open this backup",
        ),
        bad(
            "\"encrypted\" as text",
            spoilt(&|f| f["encrypted"] = json!("yes")),
            "true or false",
        ),
        bad(
            "an encrypted backup with no keys",
            spoilt(&|f| {
                f.as_object_mut().unwrap().remove("keyring");
            }),
            "\"keyring\"",
        ),
        bad(
            "an encrypted backup with its keys as text",
            spoilt(&|f| f["keyring"] = json!("keys")),
            "damaged",
        ),
        bad(
            "an encrypted backup with a damaged wrapped key",
            spoilt(&|f| f["keyring"]["passcode"]["wrapped_key"] = json!("AAAA")),
            "damaged",
        ),
        bad(
            "an encrypted backup asking for a billion iterations",
            spoilt(&|f| f["keyring"]["passcode"]["iterations"] = json!(1_000_000_000)),
            "far more work",
        ),
        bad(
            "an encrypted backup with no sealed part",
            spoilt(&|f| {
                f.as_object_mut().unwrap().remove("sealed");
            }),
            "\"sealed\"",
        ),
        bad(
            "an encrypted backup with no ciphertext",
            spoilt(&|f| {
                f["sealed"].as_object_mut().unwrap().remove("ct");
            }),
            "damaged",
        ),
        bad(
            "an encrypted backup with one bit of ciphertext changed",
            spoilt(&flip_ct),
            "changed since it was made",
        ),
        bad(
            "an encrypted backup with its ciphertext cut short",
            spoilt(&|f| {
                let ct = f["sealed"]["ct"].as_str().unwrap();
                f["sealed"]["ct"] = json!(&ct[..ct.len() - 8]);
            }),
            "changed since it was made",
        ),
        bad(
            "an encrypted backup with its export time changed",
            spoilt(&|f| f["exported_at"] = json!("2026-11-22T09:00:00Z")),
            "changed since it was made",
        ),
        bad(
            "an encrypted backup with its version changed",
            spoilt(&|f| f["version"] = json!(1)),
            "changed since it was made",
        ),
        bad(
            "an encrypted backup with another lock's keys (same passcode)",
            spoilt(&|f| f["keyring"] = same_passcode_other_lock["keyring"].clone()),
            "changed since it was made",
        ),
        bad(
            "an encrypted backup cut off part-way",
            &good_text[..good_text.len() / 2],
            "part-way",
        ),
    ]
}

/// Reads a file as the restore screen does: a plain one straight away, an encrypted one with
/// [`PASSCODE`].
fn check_file(file: &str) -> Result<Backup, BackupError> {
    match backup::read_backup_file(file, NOW)? {
        BackupFile::Plain(backup) => Ok(backup),
        BackupFile::Encrypted(encrypted) => {
            let key = passcode_key(encrypted.keyring().passcode_kdf(), PASSCODE);
            encrypted.open_with_passcode(&key, NOW)
        }
    }
}

#[test]
fn every_malformed_backup_is_refused_kindly_and_changes_nothing() {
    let cases = malformed_files();
    assert!(cases.len() >= 20);
    let mut store = store_with_work();
    let before = store.backend().entries().clone();
    let records_before = store.records().clone();
    for case in cases {
        let result = check_file(&case.file);
        let Err(error) = result else {
            panic!("{} was accepted", case.what);
        };
        let message = error.to_string();
        assert!(
            message.contains(case.says),
            "{}: message {message:?} should mention {:?}",
            case.what,
            case.says
        );
        assert!(
            message.ends_with("Nothing has been changed."),
            "{}: {message}",
            case.what
        );
        assert!(message.len() < 400, "{}: message too long", case.what);
        assert!(
            !message.contains("line") && !message.contains("column"),
            "{}: no line or column numbers for people: {message}",
            case.what
        );
        assert!(
            !message.contains("<script>"),
            "{}: echoes script",
            case.what
        );
        // The import flow only restores a backup that parsed; nothing else touches the store.
        assert_eq!(store.save(NOW).outcome(), SaveOutcome::NothingToSave);
    }
    assert_eq!(store.backend().entries(), &before);
    assert_eq!(store.records(), &records_before);
}

#[test]
fn the_apps_own_check_can_refuse_a_record_before_anything_changes() {
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({ keys::PLACEMENT: good_record(json!({"entries": []})) }),
    );
    let err = backup::parse_backup_with(&file, NOW, |key, _| {
        if key == keys::PLACEMENT {
            Err("the placement log is not wanted here".into())
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert!(matches!(err, BackupError::BadRecord { .. }));
    assert!(err.to_string().contains("placement"));
}

#[test]
fn every_record_is_decoded_as_the_app_reads_it_and_every_misfit_is_named() {
    // Guards against restore accepting a plain string where the journal belongs and the number
    // 42 where a draft belongs ("Restored: 3 updated"), which then showed empty pages.
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({
            keys::JOURNAL: good_record(json!("entries")),
            keys::draft("essay"): good_record(json!(42)),
            keys::SETTINGS: good_record(json!({"theme": "dark"})),
        }),
    );
    let err = backup::parse_backup(&file, NOW).unwrap_err();
    assert_eq!(
        err,
        BackupError::WrongShape {
            what: vec![
                "one of your drafts".to_owned(),
                "your reflection journal".to_owned()
            ]
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("one of your drafts, your reflection journal"),
        "{message}"
    );
    assert!(message.ends_with("Nothing has been changed."));
}

#[test]
fn sizes_are_stated_in_bytes_as_a_file_manager_shows_them() {
    // Guards against UTF-16 units reported as bytes: a 22 MB file called "11.0 MB", and a
    // 19.9 MB one "about 39.9 MB".
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(22_000_000 - 10));
    assert_eq!(big.len(), 22_000_000);
    let message = backup::parse_backup(&big, NOW).unwrap_err().to_string();
    assert!(message.contains("This file is 22.0 MB"), "{message}");

    let text = "y".repeat(19_900_000 - 200);
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({ keys::JOURNAL: good_record(json!({"pad": text})) }),
    );
    let message = backup::parse_backup(&file, NOW).unwrap_err().to_string();
    assert!(message.contains("This backup is 19.9 MB"), "{message}");
    assert_eq!(backup::file_size(312), "312 bytes");
    assert_eq!(backup::file_size(480_512), "480 KB");
}

#[test]
fn a_summary_counts_drafts_and_reflections_not_records() {
    // Guards against "Assignment drafts: 2" for one draft (the list of assignments counted too).
    let file = backup_json(
        json!(CURRENT_VERSION),
        json!({
            keys::ASSIGNMENTS: good_record(json!([])),
            keys::draft("essay"): good_record(draft("Hope")),
            keys::JOURNAL: good_record(journal(&["a", "b", "c"])),
        }),
    );
    let summary = backup::parse_backup(&file, NOW).unwrap().summary;
    assert_eq!(
        summary.counts,
        vec![(RecordKind::Draft, 1), (RecordKind::Journal, 3)]
    );
}

#[test]
fn set_aside_copies_travel_in_a_backup_and_never_hold_a_key_on_the_new_device() {
    let backend = current_backend(&[(keys::COURSE, "{\"rev\":1,\"saved_at\":")]);
    let (mut store, _) = Store::load(backend, NOW);
    let file = store.export_backup(NOW);
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    assert_eq!(parsed.summary.set_aside, 1);

    let (mut fresh, _) = Store::load(MemoryBackend::new(), NOW);
    fresh.restore_replace(&parsed).unwrap();
    fresh.set(keys::COURSE, json!({"modules": []})).unwrap();
    assert_eq!(fresh.save(NOW).outcome(), SaveOutcome::Saved);
    assert_eq!(
        fresh.set_aside_raw(&fresh.set_aside_entries()[0].key.clone()),
        Some("{\"rev\":1,\"saved_at\":")
    );
}
