//! Records that can't be read: new work typed over one is kept safe (never over the original,
//! never called saved), comes back after a reload, and lands in the record once the trainee
//! decides. Also: unknown fields at every depth, and which set-aside copies count as "couldn't be
//! read". Against the fault-injecting in-memory backend.

use crate::support::{current_backend, journal};
use peer_study::domain::assignment::Draft;
use peer_study::domain::journal::Journal;
use peer_study::storage::backup;
use peer_study::storage::keys;
use peer_study::storage::memory_backend::{MemoryBackend, WriteFault};
use peer_study::storage::quarantine::{QuarantineEntry, SetAsideKind};
use peer_study::storage::record::Record;
use peer_study::storage::schema::Meta;
use peer_study::storage::store::{SaveOutcome, Store};
use serde_json::json;

const NOW: i64 = 1_795_300_000_000;
const GARBLED: &str = r#"{"rev":2,"saved_at":17,"data":{"entries":[{"title":"My first refl"#;

/// A journal record whose envelope reads but whose data is not a journal.
const NOT_A_JOURNAL: &str = r#"{"rev":3,"saved_at":5,"data":"a plain string"}"#;

/// A store whose journal the app could not decode and set aside on first use, with "Kept"
/// written over it by the trainee and saved while the original waits for their choice.
fn kept_over_a_journal_the_app_cannot_decode() -> Store<MemoryBackend> {
    let (mut store, _) = Store::load(current_backend(&[(keys::JOURNAL, NOT_A_JOURNAL)]), NOW);
    store
        .quarantine(keys::JOURNAL, "not a journal", NOW)
        .unwrap();
    store.set(keys::JOURNAL, journal(&["Kept"])).unwrap();
    store.save(NOW + 1);
    store
}

fn unreadable_copy(store: &Store<MemoryBackend>) -> String {
    store
        .set_aside_entries()
        .into_iter()
        .find(|e| e.kind == SetAsideKind::Unreadable)
        .expect("an unreadable copy")
        .key
        .clone()
}

#[test]
fn new_work_over_an_unreadable_record_is_kept_safe_and_never_called_saved() {
    // Guards against a new reflection over an unreadable journal that said "Saved" and was gone
    // after a reload.
    let (mut store, report) = Store::load(current_backend(&[(keys::JOURNAL, GARBLED)]), NOW);
    assert_eq!(report.newly_set_aside.len(), 1);
    assert_eq!(store.status().unreadable, vec![keys::JOURNAL.to_owned()]);
    assert!(store.is_held_for_choice(keys::JOURNAL));

    store
        .set(keys::JOURNAL, journal(&["Written after"]))
        .unwrap();
    let report = store.save(NOW + 1);
    assert_eq!(report.outcome(), SaveOutcome::SavedSomeHeldBack);
    assert_eq!(report.kept_waiting, vec![keys::JOURNAL.to_owned()]);
    assert_eq!(store.waiting_work_stored(keys::JOURNAL), Some(true));
    // The original is untouched; the new work is stored under its own key.
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(GARBLED));
    let waiting = store
        .backend()
        .peek(&QuarantineEntry::waiting_key(keys::JOURNAL))
        .expect("the new work is stored");
    assert!(waiting.contains("Written after"));

    // After a reload the new work is back in place, and still not over the original.
    let (mut again, _) = Store::load(store.backend().clone(), NOW + 2);
    assert_eq!(
        again.get(keys::JOURNAL).unwrap()["entries"][0]["body"],
        "Written after"
    );
    assert_eq!(again.status().waiting, vec![keys::JOURNAL.to_owned()]);
    assert_eq!(
        again.save(NOW + 3).outcome(),
        SaveOutcome::SavedSomeHeldBack
    );
    assert_eq!(again.backend().peek(keys::JOURNAL), Some(GARBLED));

    // The trainee discards the unreadable copy: the new work goes into the journal itself.
    let copy = unreadable_copy(&again);
    again.discard_set_aside(&copy).unwrap();
    assert_eq!(again.save(NOW + 4).outcome(), SaveOutcome::Saved);
    let stored = Record::decode(again.backend().peek(keys::JOURNAL).unwrap()).unwrap();
    assert_eq!(stored.data["entries"][0]["body"], "Written after");
    assert_eq!(
        again
            .backend()
            .peek(&QuarantineEntry::waiting_key(keys::JOURNAL)),
        None
    );
    assert!(again.status().unreadable.is_empty());
    assert!(again.status().waiting.is_empty());
}

#[test]
fn keeping_the_unreadable_copy_but_carrying_on_also_keeps_the_new_work() {
    let (mut store, _) = Store::load(current_backend(&[(keys::JOURNAL, GARBLED)]), NOW);
    store.set(keys::JOURNAL, journal(&["Carried on"])).unwrap();
    store.save(NOW + 1);
    let copy = unreadable_copy(&store);
    store.release_original(&copy).unwrap();
    assert_eq!(store.save(NOW + 2).outcome(), SaveOutcome::Saved);
    let stored = Record::decode(store.backend().peek(keys::JOURNAL).unwrap()).unwrap();
    assert_eq!(stored.data["entries"][0]["body"], "Carried on");
    // The unreadable original is still there to download.
    assert_eq!(store.set_aside_raw(&copy), Some(GARBLED));
}

#[test]
fn a_record_the_app_cannot_decode_keeps_new_work_across_a_reload_too() {
    // The envelope reads, but the data is not a journal: the app sets it aside on first use.
    let store = kept_over_a_journal_the_app_cannot_decode();
    assert_eq!(store.status().unreadable, vec![keys::JOURNAL.to_owned()]);
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(NOT_A_JOURNAL));

    let (mut again, _) = Store::load(store.backend().clone(), NOW + 2);
    // What the app does on first use: it can't decode the stored data, so sets it aside again.
    assert!(again.get_as::<Journal>(keys::JOURNAL).unwrap().is_err());
    again
        .quarantine(keys::JOURNAL, "not a journal", NOW + 2)
        .unwrap();
    let journal: Journal = again.get_as(keys::JOURNAL).unwrap().unwrap();
    assert_eq!(journal.entries[0].body, "Kept");
    // Setting it aside again made no second copy of the same text.
    assert_eq!(
        again
            .set_aside_entries()
            .iter()
            .filter(|e| e.kind == SetAsideKind::Unreadable)
            .count(),
        1
    );
}

#[test]
fn when_the_waiting_copy_cannot_be_written_the_store_says_so_and_tries_again() {
    let (mut store, _) = Store::load(current_backend(&[(keys::JOURNAL, GARBLED)]), NOW);
    // Write 1 stores the unreadable copy; write 2, the waiting work, finds the store full.
    store
        .backend_mut()
        .fail_nth_write(2, WriteFault::QuotaExceeded);
    store.set(keys::JOURNAL, journal(&["Not lost"])).unwrap();
    assert_eq!(store.save(NOW + 1).outcome(), SaveOutcome::StoreFull);
    assert_eq!(store.waiting_work_stored(keys::JOURNAL), Some(false));
    assert_eq!(store.status().set_aside_in_memory_only, 1);
    assert_eq!(
        store.get(keys::JOURNAL).unwrap()["entries"][0]["body"],
        "Not lost"
    );

    store.save(NOW + 2);
    assert_eq!(store.waiting_work_stored(keys::JOURNAL), Some(true));
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(GARBLED));
}

#[test]
fn unknown_fields_inside_a_drafts_sections_survive_a_typed_save() {
    // Guards against a newer build's field inside a section being lost when this version saves.
    let stored = json!({
        "rev": 1, "saved_at": 1,
        "data": {
            "assignment_id": "essay",
            "sections": [
                {"id": 1, "title": "Start", "text": "One", "colour": "blue"},
                {"id": 2, "title": "Then", "text": "Two", "notes": {"pinned": true}}
            ],
            "next_section_id": 3,
            "updated_at": 1,
            "layout": "wide"
        }
    });
    let backend = current_backend(&[(&keys::draft("essay"), &stored.to_string())]);
    let (mut store, _) = Store::load(backend, NOW);
    let mut draft: Draft = store.get_as(&keys::draft("essay")).unwrap().unwrap();
    draft.sections.swap(0, 1);
    draft.sections[1].text = "One, longer now".into();
    store.set_typed(&keys::draft("essay"), &draft).unwrap();
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);

    let saved = Record::decode(store.backend().peek(&keys::draft("essay")).unwrap()).unwrap();
    assert_eq!(saved.data["layout"], "wide");
    assert_eq!(saved.data["sections"][0]["notes"], json!({"pinned": true}));
    assert_eq!(saved.data["sections"][1]["colour"], "blue");
    assert_eq!(saved.data["sections"][1]["text"], "One, longer now");
}

#[test]
fn a_tie_in_a_merge_or_a_backups_own_copy_is_not_called_unreadable() {
    // Guards against the "couldn't be read" banner after a merge that ended in a tie, or after
    // restoring a backup that carried a set-aside copy: both are readable copies kept aside.
    let (mut store, _) = Store::load(current_backend(&[]), NOW);
    store.set(keys::JOURNAL, journal(&["Here"])).unwrap();
    store.save(NOW);
    let file = json!({
        "type": backup::BACKUP_TYPE, "version": Meta::current().schema_version,
        "exported_at": "2026-11-21T09:54:19Z",
        "data": {
            keys::JOURNAL: {"rev": 4, "saved_at": NOW, "data": journal(&["There"])},
            "peer-study/quarantine/course@1": {
                "original_key": keys::COURSE, "reason": "r", "kind": "unreadable", "at": 1,
                "raw": "{", "released": false
            }
        }
    })
    .to_string();
    let parsed = backup::parse_backup(&file, NOW).unwrap();
    let report = store.restore_merge(&parsed, NOW + 1).unwrap();
    assert_eq!(report.kept_yours, vec![keys::JOURNAL.to_owned()]);
    let status = store.status();
    assert_eq!(status.set_aside, 2);
    assert!(status.unreadable.is_empty(), "{:?}", status.unreadable);
    let tie = store
        .set_aside_entries()
        .into_iter()
        .find(|e| e.original_key == keys::JOURNAL)
        .unwrap();
    assert!(tie.reason.contains("same moment"), "{}", tie.reason);
}

#[test]
fn deciding_before_the_record_is_opened_again_still_puts_the_new_work_in_place() {
    // After a reload the app hasn't asked for the journal yet (the trainee went straight to My
    // data), so the unreadable data is what is loaded; the choice must still bring the work in.
    let store = kept_over_a_journal_the_app_cannot_decode();

    let (mut again, _) = Store::load(store.backend().clone(), NOW + 2);
    let copy = unreadable_copy(&again);
    again.release_original(&copy).unwrap();
    assert_eq!(again.save(NOW + 3).outcome(), SaveOutcome::Saved);
    let stored = Record::decode(again.backend().peek(keys::JOURNAL).unwrap()).unwrap();
    assert_eq!(stored.data["entries"][0]["body"], "Kept");
    assert!(again.status().waiting.is_empty());
}
