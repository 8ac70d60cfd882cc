//! Loading stored data: first run, every past schema version, migrations, damaged records,
//! unknown fields, newer versions and missing storage, against the in-memory backend.

use std::collections::BTreeMap;

use crate::support::{backend_with, current_backend, fixture};
use peer_study::domain::history::History;
use peer_study::domain::settings::{DisplaySettings, TextSize, Theme};
use peer_study::storage::keys::{self, legacy};
use peer_study::storage::memory_backend::{MemoryBackend, ReadFault};
use peer_study::storage::migrate::{self, Snapshot};
use peer_study::storage::quarantine::SetAsideKind;
use peer_study::storage::schema::{Meta, CURRENT_VERSION, OLDEST_VERSION};
use peer_study::storage::store::{ReadOnlyReason, SaveOutcome, Store, StoreMode};
use serde::{Deserialize, Serialize};
use serde_json::json;

const NOW: i64 = 1_795_300_000_000;

fn envelope(rev: u64, data: serde_json::Value) -> String {
    json!({"rev": rev, "saved_at": 1_795_000_000_000i64, "data": data}).to_string()
}

#[test]
fn a_first_run_starts_empty_writes_nothing_until_saved_then_records_the_version() {
    let (mut store, report) = Store::load(MemoryBackend::new(), NOW);
    assert!(report.first_run);
    assert_eq!(report.mode, StoreMode::ReadWrite);
    assert!(store.records().is_empty());
    assert!(store.backend().entries().is_empty(), "a load never writes");

    store.save(NOW);
    assert_eq!(
        Meta::decode(store.backend().peek(keys::META).unwrap()).map(|m| m.schema_version),
        Some(CURRENT_VERSION)
    );
}

#[test]
fn there_is_a_fixture_for_every_schema_version_and_each_one_loads() {
    for version in OLDEST_VERSION..=CURRENT_VERSION {
        let snapshot = fixture(version);
        let (store, report) = Store::load(backend_with(&snapshot), NOW);
        assert_eq!(report.mode, StoreMode::ReadWrite, "version {version}");
        assert!(report.newly_set_aside.is_empty(), "version {version}");
        assert!(
            store.get_as::<DisplaySettings>(keys::SETTINGS).is_some(),
            "version {version} should give display settings"
        );
        if version < CURRENT_VERSION {
            assert_eq!(report.migrated_from, Some(version));
        }
    }
}

#[test]
fn version_1_settings_move_into_the_settings_record_and_the_old_keys_go_after_saving() {
    let (mut store, report) = Store::load(backend_with(&fixture(1)), NOW);
    assert_eq!(report.migrated_from, Some(1));
    let settings: DisplaySettings = store.get_as(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(settings.text_size, TextSize::Larger);
    // Nothing written by the load itself.
    assert!(store.backend().peek(legacy::THEME_V1).is_some());
    assert!(store.backend().log().is_empty());

    let saved = store.save(NOW);
    assert_eq!(saved.outcome(), SaveOutcome::Saved);
    let backend = store.backend();
    assert_eq!(backend.peek(legacy::THEME_V1), None);
    assert_eq!(backend.peek(legacy::TEXT_SIZE_V1), None);
    assert!(backend.peek(keys::SETTINGS).is_some());

    // And it loads as version 2 next time, with no migration.
    let (again, report) = Store::load(backend.clone(), NOW + 1);
    assert_eq!(report.migrated_from, None);
    assert_eq!(again.get(keys::SETTINGS), store.get(keys::SETTINGS));
}

#[test]
fn a_migration_never_changes_its_input() {
    for version in OLDEST_VERSION..CURRENT_VERSION {
        let input = fixture(version);
        let before = input.clone();
        let migrated = migrate::migrate(&input, version, NOW).unwrap();
        assert_eq!(input, before, "version {version}");
        assert_ne!(
            migrated.snapshot, input,
            "version {version} should change something"
        );
    }
}

#[test]
fn migrating_data_already_in_the_new_shape_changes_nothing() {
    // A save interrupted after the records but before the meta record leaves current data with
    // no meta record; the next load treats it as version 1, and no step may damage it.
    let mut snapshot = fixture(CURRENT_VERSION);
    snapshot.remove(keys::META);
    let migrated = migrate::migrate(&snapshot, 1, NOW).unwrap();
    assert_eq!(migrated.snapshot, snapshot);
}

#[test]
fn version_2_histories_are_rewritten_with_each_section_once_and_read_the_same() {
    const KEY: &str = "peer-study/history/final-assignment";
    // Written by an early build in a shape no release reads; never touched.
    const SCHEMATIC: &str = "peer-study/history/recovery-story";
    let v2 = fixture(2);
    let as_written: History = serde_json::from_value(
        serde_json::from_str::<serde_json::Value>(&v2[KEY]).unwrap()["data"].clone(),
    )
    .unwrap();

    let (mut store, report) = Store::load(backend_with(&v2), NOW);
    assert_eq!(report.migrated_from, Some(2));
    assert!(report.newly_set_aside.is_empty());
    let read: History = store.get_as(KEY).unwrap().unwrap();
    assert_eq!(read, as_written, "every version, every word, as before");
    assert_eq!(read.snapshots()[1].label(), "First full draft");

    store.save(NOW);
    let stored = store.backend().peek(KEY).unwrap().to_owned();
    assert!(stored.len() < v2[KEY].len(), "{stored}");
    assert_eq!(stored.matches("Hope felt far away").count(), 1, "{stored}");
    let envelope: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let v3: serde_json::Value = serde_json::from_str(&fixture(3)[KEY]).unwrap();
    assert_eq!(
        envelope["data"], v3["data"],
        "the same as version 3 writes it"
    );
    assert_eq!(
        store.backend().peek(SCHEMATIC),
        Some(v2[SCHEMATIC].as_str())
    );

    let (again, report) = Store::load(store.backend().clone(), NOW + 1);
    assert_eq!(report.migrated_from, None);
    assert_eq!(again.get_as::<History>(KEY).unwrap().unwrap(), as_written);
}

#[test]
fn a_version_1_value_nobody_understands_is_kept_aside_and_the_default_used() {
    let mut snapshot = Snapshot::new();
    snapshot.insert(legacy::THEME_V1.into(), "purple".into());
    snapshot.insert(legacy::TEXT_SIZE_V1.into(), "large".into());
    let (mut store, report) = Store::load(backend_with(&snapshot), NOW);
    let settings: DisplaySettings = store.get_as(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(settings.theme, Theme::System);
    assert_eq!(settings.text_size, TextSize::Large);
    assert_eq!(report.newly_set_aside.len(), 1);
    assert_eq!(
        store.set_aside_raw(&report.newly_set_aside[0]),
        Some("purple")
    );

    store.save(NOW);
    let copy = store.backend().peek(&report.newly_set_aside[0]).unwrap();
    assert!(
        copy.contains("purple"),
        "the copy is stored before the old key goes"
    );
    assert_eq!(store.backend().peek(legacy::THEME_V1), None);
}

#[test]
fn an_interrupted_migration_is_finished_on_the_next_load() {
    let mut backend = backend_with(&fixture(1));
    // The settings record is written, then the meta record fails.
    backend.fail_nth_write(2, peer_study::storage::memory_backend::WriteFault::Other);
    let (mut store, _) = Store::load(backend, NOW);
    let report = store.save(NOW);
    assert_eq!(report.outcome(), SaveOutcome::Failed);
    assert!(
        store.backend().peek(legacy::THEME_V1).is_some(),
        "old keys stay until the meta record is written"
    );

    let (mut again, report) = Store::load(store.backend().clone(), NOW + 1);
    assert_eq!(report.migrated_from, Some(1));
    let settings: DisplaySettings = again.get_as(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(again.save(NOW + 1).outcome(), SaveOutcome::Saved);
    assert_eq!(again.backend().peek(legacy::THEME_V1), None);
}

#[test]
fn a_corrupt_draft_is_quarantined_and_the_others_still_load() {
    let garbled = "{\"rev\":3,\"saved_at\":17,\"data\":{\"body\":\"I am \u{0}\"}}}}oops";
    let backend = current_backend(&[
        (&keys::draft("essay"), garbled),
        (
            &keys::draft("final"),
            &envelope(2, json!({"body": "Final words"})),
        ),
        (keys::JOURNAL, &envelope(1, json!({"entries": []}))),
    ]);
    let (store, report) = Store::load(backend, NOW);
    assert_eq!(report.mode, StoreMode::ReadWrite);
    assert_eq!(report.records_loaded, 2);
    assert!(store.get(&keys::draft("essay")).is_none());
    assert_eq!(
        store.get(&keys::draft("final")).unwrap()["body"],
        "Final words"
    );
    assert_eq!(report.newly_set_aside.len(), 1);
    let entry = store.set_aside_entries()[0].clone();
    assert_eq!(entry.original_key, keys::draft("essay"));
    assert_eq!(entry.raw, garbled);
    assert!(entry.reason.contains("damaged"), "{}", entry.reason);
}

#[test]
fn a_truncated_record_is_quarantined_with_a_reason_that_says_so() {
    let mut backend =
        current_backend(&[(keys::COURSE, &envelope(5, json!({"modules": [1, 2, 3]})))]);
    backend.fault_reads(keys::COURSE, ReadFault::Truncated { keep_chars: 20 });
    let (store, report) = Store::load(backend, NOW);
    assert_eq!(report.newly_set_aside.len(), 1);
    let entry = store.set_aside_entries()[0];
    assert!(entry.reason.contains("part-way"), "{}", entry.reason);
    assert_eq!(entry.raw.chars().count(), 20);
}

#[test]
fn a_quarantined_original_is_never_written_over_until_the_trainee_chooses() {
    let garbled = "\u{fffd}\u{fffd}not json at all";
    let backend = current_backend(&[(keys::SETTINGS, garbled)]);
    let (mut store, _) = Store::load(backend, NOW);

    // The app starts settings afresh and the trainee changes the theme.
    store
        .set_typed(keys::SETTINGS, &DisplaySettings::default())
        .unwrap();
    let report = store.save(NOW);
    assert_eq!(report.held_back, vec![keys::SETTINGS.to_owned()]);
    assert_eq!(store.backend().peek(keys::SETTINGS), Some(garbled));
    assert!(
        store.is_dirty(keys::SETTINGS),
        "the change is kept in memory"
    );
    // The copy is now safely stored too.
    let copy_key = store.set_aside_entries()[0].key.clone();
    assert!(store
        .backend()
        .peek(&copy_key)
        .unwrap()
        .contains("not json at all"));

    // Reloading does not make a second copy of the same text (the other copy is the new
    // settings, kept waiting for the trainee's choice).
    let (reloaded, _) = Store::load(store.backend().clone(), NOW + 5);
    let kinds: Vec<SetAsideKind> = reloaded
        .set_aside_entries()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, vec![SetAsideKind::Unreadable, SetAsideKind::Waiting]);

    // The trainee lets the app save over the original; the copy stays.
    store.release_original(&copy_key).unwrap();
    assert_eq!(store.save(NOW + 10).outcome(), SaveOutcome::Saved);
    assert!(store
        .backend()
        .peek(keys::SETTINGS)
        .unwrap()
        .contains("system"));
    assert!(store.backend().peek(&copy_key).is_some());
}

#[test]
fn discarding_a_copy_of_an_unreadable_record_removes_the_unreadable_original() {
    let backend = current_backend(&[(keys::JOURNAL, "{\"rev\":1,")]);
    let (mut store, report) = Store::load(backend, NOW);
    let copy_key = report.newly_set_aside[0].clone();
    store.save(NOW);
    store.discard_set_aside(&copy_key).unwrap();
    store.save(NOW + 1);
    assert_eq!(store.backend().peek(keys::JOURNAL), None);
    assert_eq!(store.backend().peek(&copy_key), None);
    assert!(store.set_aside_entries().is_empty());
}

#[test]
fn the_app_can_quarantine_a_record_whose_shape_it_does_not_recognise() {
    let stored = envelope(2, json!({"modules": "should be a list"}));
    let backend = current_backend(&[(keys::COURSE, &stored)]);
    let (mut store, _) = Store::load(backend, NOW);
    let copy = store
        .quarantine(keys::COURSE, "the course is not in the expected shape", NOW)
        .unwrap();
    assert!(store.get(keys::COURSE).is_none());
    assert_eq!(store.set_aside_raw(&copy), Some(stored.as_str()));
    store.set(keys::COURSE, json!({"modules": []})).unwrap();
    store.save(NOW);
    assert_eq!(store.backend().peek(keys::COURSE), Some(stored.as_str()));
}

#[test]
fn a_key_that_cannot_be_read_at_all_is_held_and_never_written() {
    let mut backend = current_backend(&[(keys::JOURNAL, &envelope(1, json!({"entries": []})))]);
    backend.fault_reads(keys::JOURNAL, ReadFault::Fails);
    let (mut store, report) = Store::load(backend, NOW);
    assert_eq!(report.unreadable.len(), 1);
    store
        .set(keys::JOURNAL, json!({"entries": ["new"]}))
        .unwrap();
    let saved = store.save(NOW);
    assert_eq!(saved.held_back, vec![keys::JOURNAL.to_owned()]);
    assert!(store.backend().peek(keys::JOURNAL).unwrap().contains("[]"));
}

#[derive(Serialize, Deserialize, Default)]
struct JournalV2 {
    entries: Vec<String>,
}

#[test]
fn fields_a_newer_build_added_survive_a_load_and_save() {
    let stored = json!({
        "rev": 4, "saved_at": 1, "written_by": "a newer build",
        "data": {"entries": ["first"], "mood_tracking": {"enabled": true}}
    })
    .to_string();
    let mut backend = current_backend(&[(keys::JOURNAL, &stored)]);
    backend.insert_raw(keys::META, r#"{"schema_version":2,"device_name":"phone"}"#);
    let (mut store, _) = Store::load(backend, NOW);

    let mut journal: JournalV2 = store.get_as(keys::JOURNAL).unwrap().unwrap();
    journal.entries.push("second".into());
    store.set_typed(keys::JOURNAL, &journal).unwrap();
    store.save(NOW);

    let (again, _) = Store::load(store.backend().clone(), NOW + 1);
    let record = again.record(keys::JOURNAL).unwrap();
    assert_eq!(record.data["entries"], json!(["first", "second"]));
    assert_eq!(record.data["mood_tracking"], json!({"enabled": true}));
    assert_eq!(record.extra["written_by"], json!("a newer build"));
    assert!(again.backend().peek(keys::META).unwrap().contains("phone"));
}

#[test]
fn data_from_a_newer_version_opens_read_only_and_is_never_written() {
    let mut snapshot = fixture(CURRENT_VERSION);
    snapshot.insert(
        keys::META.into(),
        json!({"schema_version": CURRENT_VERSION + 1}).to_string(),
    );
    snapshot.insert(keys::COURSE.into(), "a shape from the future".into());
    let backend = backend_with(&snapshot);
    let before = backend.entries().clone();
    let (mut store, report) = Store::load(backend, NOW);
    assert_eq!(
        report.mode,
        StoreMode::ReadOnly(ReadOnlyReason::NewerVersion {
            found: CURRENT_VERSION + 1
        })
    );
    assert!(report.mode.banner().unwrap().contains("newer version"));
    // Still readable, for showing and for a backup.
    assert!(store.get(&keys::draft("recovery-story")).is_some());
    assert!(store.set(keys::JOURNAL, json!({})).is_err());
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::ReadOnly);
    assert_eq!(store.backend().entries(), &before);
    assert!(store.backend().log().is_empty());
}

#[test]
fn an_unreadable_version_record_opens_read_only_until_the_trainee_discards_it() {
    let backend = current_backend(&[(keys::JOURNAL, &envelope(1, json!({"entries": []})))]);
    let mut backend = backend;
    backend.insert_raw(keys::META, "{\"schema_vers");
    let (mut store, report) = Store::load(backend, NOW);
    assert_eq!(
        report.mode,
        StoreMode::ReadOnly(ReadOnlyReason::UnreadableVersion)
    );
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::ReadOnly);
    assert_eq!(store.backend().peek(keys::META), Some("{\"schema_vers"));

    let copy = report.newly_set_aside[0].clone();
    assert_eq!(store.set_aside_raw(&copy), Some("{\"schema_vers"));
    assert!(
        store.discard_set_aside(&copy).is_err(),
        "read-only means read-only"
    );
}

#[test]
fn no_storage_at_all_runs_from_memory_and_says_so() {
    let (mut store, report) = Store::load(MemoryBackend::unavailable(), NOW);
    assert!(matches!(report.mode, StoreMode::MemoryOnly { .. }));
    assert!(report.mode.banner().unwrap().contains("download a backup"));
    store
        .set(&keys::draft("essay"), json!({"body": "words"}))
        .unwrap();
    assert_eq!(store.get(&keys::draft("essay")).unwrap()["body"], "words");
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::MemoryOnly);
    assert!(
        store.has_unsaved_changes(),
        "the app warns before the tab closes"
    );
    assert!(
        store.export_backup(NOW).contains("words"),
        "a backup still works"
    );
}

#[test]
fn other_apps_keys_on_the_same_site_are_left_alone() {
    let mut backend = current_backend(&[]);
    backend.insert_raw("todos", "[not ours]");
    let (mut store, _) = Store::load(backend, NOW);
    store.set(keys::JOURNAL, json!({"entries": []})).unwrap();
    store.save(NOW);
    assert_eq!(store.backend().peek("todos"), Some("[not ours]"));
    assert!(store
        .backend()
        .keys_written()
        .iter()
        .all(|k| k.starts_with(keys::PREFIX)));
}

#[test]
fn every_record_in_the_current_fixture_round_trips_unchanged() {
    let snapshot = fixture(CURRENT_VERSION);
    let (mut store, _) = Store::load(backend_with(&snapshot), NOW);
    let stored: BTreeMap<_, _> = snapshot
        .iter()
        .filter(|(k, _)| keys::is_record_key(k))
        .map(|(k, v)| {
            (
                k.clone(),
                serde_json::from_str::<serde_json::Value>(v).unwrap(),
            )
        })
        .collect();
    let loaded: BTreeMap<_, _> = store
        .records()
        .iter()
        .map(|(k, r)| (k.clone(), r.to_value()))
        .collect();
    assert_eq!(loaded, stored);
}
