//! Loading with the long writing left in storage until needed (`Store::load_deferring`): the
//! store must behave exactly as after a full load (same records, same revisions, the same copies
//! set aside, the same keys held, nothing written over), only later. Against the in-memory
//! backend.

use crate::support::{backend_with, current_backend, draft, fixture, journal};
use peer_study::domain::course::CourseState;
use peer_study::storage::backend::Backend;
use peer_study::storage::keys::{self, KeyClass, RecordKind};
use peer_study::storage::memory_backend::{MemoryBackend, ReadFault};
use peer_study::storage::quarantine::SetAsideKind;
use peer_study::storage::record::Record;
use peer_study::storage::store::{ExternalOutcome, SaveOutcome, Store};
use serde_json::{json, Value};

const NOW: i64 = 1_795_300_000_000;
const GARBLED: &str = r#"{"rev":2,"saved_at":17,"data":{"entries":[{"title":"My first refl"#;

fn envelope(rev: u64, data: Value) -> String {
    json!({"rev": rev, "saved_at": 1_795_000_000_000i64, "data": data}).to_string()
}

/// What the app leaves for later: the journal, drafts and histories.
fn long_writing(key: &str) -> bool {
    matches!(
        keys::classify(key),
        KeyClass::Record(RecordKind::Journal | RecordKind::Draft | RecordKind::History)
    )
}

/// A device with a course, a journal at revision 5 and one draft at revision 2.
fn a_device() -> MemoryBackend {
    current_backend(&[
        (keys::COURSE, &envelope(3, json!({"modules": []}))),
        (
            keys::JOURNAL,
            &envelope(5, journal(&["After session four"])),
        ),
        (
            &keys::draft("essay"),
            &envelope(2, draft("Where I started")),
        ),
    ])
}

fn stored_rev(store: &Store<MemoryBackend>, key: &str) -> u64 {
    Record::decode(store.backend().peek(key).expect("stored"))
        .expect("readable")
        .rev
}

#[test]
fn the_long_writing_waits_in_storage_but_reads_the_same_as_a_full_load() {
    let (mut full, full_report) = Store::load(a_device(), NOW);
    let (mut later, report) = Store::load_deferring(a_device(), NOW, long_writing);

    assert!(later.is_deferred(keys::JOURNAL));
    assert!(later.is_deferred(&keys::draft("essay")));
    assert!(
        !later.is_deferred(keys::COURSE),
        "the first screen's records are read at once"
    );
    assert_eq!(report.records_loaded, full_report.records_loaded);
    assert_eq!(
        later.keys_of_kind(RecordKind::Draft),
        vec![keys::draft("essay").as_str()],
        "a draft not decoded yet is still listed"
    );

    // Asking for one gives what a full load gives.
    for key in [keys::JOURNAL, &keys::draft("essay"), keys::COURSE] {
        assert_eq!(later.get(key), full.get(key), "{key}");
        assert_eq!(later.record(key), full.record(key), "{key}");
    }

    assert!(later.finish_load().is_empty());
    assert!(!later.is_deferred(keys::JOURNAL));
    assert_eq!(later.records(), full.records());
}

#[test]
fn a_change_after_a_deferred_load_is_saved_on_top_of_the_stored_revision() {
    // If the load forgot what revision the journal was at, the save would take the stored copy
    // for another tab's and hold the trainee's reflection back as a conflict.
    let (mut store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    store
        .set(
            keys::JOURNAL,
            journal(&["After session four", "After session five"]),
        )
        .unwrap();
    let report = store.save(NOW + 1);
    assert_eq!(report.outcome(), SaveOutcome::Saved);
    assert!(store.conflicts().is_empty());
    assert_eq!(stored_rev(&store, keys::JOURNAL), 6);
    assert_eq!(
        stored_rev(&store, &keys::draft("essay")),
        2,
        "a record left alone is not written"
    );
}

#[test]
fn a_deferred_record_that_cannot_be_read_is_set_aside_as_a_full_load_would_and_never_written_over()
{
    let device = || current_backend(&[(keys::JOURNAL, GARBLED)]);
    let (full, full_report) = Store::load(device(), NOW);
    let (mut store, report) = Store::load_deferring(device(), NOW, long_writing);
    assert!(
        report.newly_set_aside.is_empty(),
        "not known until it is decoded"
    );
    assert_eq!(store.get(keys::JOURNAL), None);

    let set_aside = store.finish_load();
    assert_eq!(set_aside.newly_set_aside, full_report.newly_set_aside);
    assert_eq!(store.status().unreadable, vec![keys::JOURNAL.to_owned()]);
    let copies = |s: &Store<MemoryBackend>| -> Vec<(String, String, SetAsideKind, String)> {
        s.set_aside_entries()
            .into_iter()
            .map(|e| (e.key.clone(), e.raw.clone(), e.kind, e.reason.clone()))
            .collect()
    };
    assert_eq!(copies(&store), copies(&full));

    // New work is kept waiting; the unreadable original stays exactly as it was.
    store
        .set(keys::JOURNAL, journal(&["Written after"]))
        .unwrap();
    let saved = store.save(NOW + 1);
    assert_eq!(saved.outcome(), SaveOutcome::SavedSomeHeldBack);
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(GARBLED));
}

#[test]
fn writing_over_an_unread_record_finishes_the_load_first() {
    // Typing into the journal before anything decoded it must not pass over the check that its
    // stored copy is readable.
    let (mut store, _) = Store::load_deferring(
        current_backend(&[(keys::JOURNAL, GARBLED)]),
        NOW,
        long_writing,
    );
    store.set(keys::JOURNAL, journal(&["Straight in"])).unwrap();
    assert!(!store.is_deferred(keys::JOURNAL));
    assert!(store.is_held_for_choice(keys::JOURNAL));
    store.save(NOW + 1);
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(GARBLED));
}

#[test]
fn a_backup_made_before_the_load_finished_holds_every_record() {
    let (mut store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    let file: Value = serde_json::from_str(&store.export_backup(NOW)).unwrap();
    let data = file["data"].as_object().unwrap();
    assert_eq!(
        data[keys::JOURNAL]["data"],
        journal(&["After session four"]),
        "the journal is in the backup"
    );
    assert_eq!(
        data[&keys::draft("essay")]["data"],
        draft("Where I started")
    );
}

#[test]
fn another_tabs_save_before_the_load_finished_is_taken_as_after_a_full_load() {
    let theirs = journal(&["After session four", "From my phone"]);

    // Read before the other tab saved (a page here asked for it): their save is news.
    let (mut read_first, _) = Store::load_deferring(a_device(), NOW, long_writing);
    assert!(read_first.get(keys::JOURNAL).is_some());
    read_first
        .backend_mut()
        .insert_raw(keys::JOURNAL, &envelope(6, theirs.clone()));
    assert_eq!(
        read_first.external_change(keys::JOURNAL, false, NOW + 1),
        ExternalOutcome::Updated(keys::JOURNAL.to_owned())
    );
    assert_eq!(read_first.get(keys::JOURNAL), Some(&theirs));

    // Not read yet: it is read as their save left it, so nothing here showed an older copy and
    // there is nothing to update.
    let (mut store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    store
        .backend_mut()
        .insert_raw(keys::JOURNAL, &envelope(6, theirs.clone()));
    assert_eq!(
        store.external_change(keys::JOURNAL, false, NOW + 1),
        ExternalOutcome::Ignored
    );
    assert_eq!(store.get(keys::JOURNAL), Some(&theirs));

    // And this tab's next change goes on top of theirs, with no conflict.
    store.set(keys::JOURNAL, journal(&["Mine"])).unwrap();
    assert_eq!(store.save(NOW + 2).outcome(), SaveOutcome::Saved);
    assert_eq!(stored_rev(&store, keys::JOURNAL), 7);
}

#[test]
fn a_load_that_migrates_or_finds_copies_set_aside_leaves_nothing_for_later() {
    // Their rules (what is dirty, which waiting work comes back) are the full load's alone.
    let (store, report) = Store::load_deferring(backend_with(&fixture(1)), NOW, |_| true);
    assert_eq!(report.migrated_from, Some(1));
    assert!(!fixture(1).is_empty());
    for key in fixture(1).keys() {
        assert!(!store.is_deferred(key), "{key}");
    }

    let (mut held, _) = Store::load(current_backend(&[(keys::JOURNAL, GARBLED)]), NOW);
    held.save(NOW);
    let (again, _) = Store::load_deferring(held.backend().clone(), NOW + 1, long_writing);
    assert!(!again.is_deferred(keys::JOURNAL));
    assert!(again.is_held_for_choice(keys::JOURNAL));
}

#[test]
fn a_deferred_key_the_browser_cannot_read_is_held_as_a_full_load_would_hold_it() {
    let mut device = a_device();
    device.fault_reads(keys::JOURNAL, ReadFault::Fails);
    let (mut store, report) = Store::load_deferring(device, NOW, long_writing);
    assert!(report.unreadable.is_empty(), "not read yet");

    let finished = store.finish_load();
    assert_eq!(finished.unreadable.len(), 1);
    assert_eq!(finished.unreadable[0].0, keys::JOURNAL);
    assert!(store.is_held_for_choice(keys::JOURNAL));
    assert_eq!(store.status().unreadable, vec![keys::JOURNAL.to_owned()]);

    store.set(keys::JOURNAL, journal(&["New"])).unwrap();
    let saved = store.save(NOW + 1);
    assert_eq!(saved.held_back, vec![keys::JOURNAL.to_owned()]);
    assert!(store
        .backend()
        .peek(keys::JOURNAL)
        .unwrap()
        .contains("After session four"));
}

#[test]
fn a_record_another_tab_removed_before_it_was_read_is_simply_not_there() {
    let (mut store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    store.backend_mut().remove(keys::JOURNAL).unwrap();
    assert!(store.finish_load().is_empty());
    assert_eq!(store.get(keys::JOURNAL), None);
    assert!(!store.is_held_for_choice(keys::JOURNAL));
}

#[test]
fn records_of_one_kind_are_listed_in_key_order_whether_read_yet_or_not() {
    let device = current_backend(&[
        (&keys::draft("a"), &envelope(1, draft("A"))),
        (&keys::draft("b"), &envelope(1, draft("B"))),
        (&keys::draft("c"), &envelope(1, draft("C"))),
        (&keys::draft("d"), &envelope(1, draft("D"))),
    ]);
    let only_b_and_d = |key: &str| key == keys::draft("b") || key == keys::draft("d");
    let (store, _) = Store::load_deferring(device, NOW, only_b_and_d);
    assert!(store.is_deferred(&keys::draft("b")) && !store.is_deferred(&keys::draft("c")));
    let expected: Vec<String> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| keys::draft(id))
        .collect();
    assert_eq!(store.keys_of_kind(RecordKind::Draft), expected);
}

#[test]
fn a_record_sealed_by_another_tab_before_it_was_read_is_held_not_copied_as_damage() {
    // Another tab turned the passcode lock on while this one, with no key, had not read the
    // journal yet: what it finds is sealed, not damaged. No copy of it is kept (this tab locks
    // as the lock sees the keyring), and the journal itself is never written.
    let (mut store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    let sealed = r#"{"rev":6,"saved_at":9,"sealed":"AAAA"}"#;
    store.backend_mut().insert_raw(keys::JOURNAL, sealed);
    let finished = store.finish_load();
    assert!(finished.newly_set_aside.is_empty());
    assert_eq!(finished.unreadable.len(), 1);
    assert!(store.set_aside_entries().is_empty());
    assert!(store.is_held_for_choice(keys::JOURNAL));
    store.save(NOW + 1);
    assert_eq!(store.backend().peek(keys::JOURNAL), Some(sealed));
}

/// What the app leaves for later when the course has a reader of its own: the long writing and
/// the course.
fn long_writing_and_the_course(key: &str) -> bool {
    key == keys::COURSE || long_writing(key)
}

/// The course as a trainee's device holds it after ticking one item.
fn a_ticked_course() -> Value {
    let mut course = CourseState::default();
    let first = course.modules[0].checklist[0].id.clone();
    course.ticked.insert(first);
    serde_json::to_value(course).unwrap()
}

#[test]
fn a_first_screen_reads_the_course_straight_from_its_text_and_the_load_finishes_the_same() {
    let device = || {
        current_backend(&[
            (keys::COURSE, &envelope(3, a_ticked_course())),
            (
                keys::JOURNAL,
                &envelope(5, journal(&["After session four"])),
            ),
        ])
    };
    let (mut full, _) = Store::load(device(), NOW);
    let (mut later, _) = Store::load_deferring(device(), NOW, long_writing_and_the_course);

    let read = Record::data_from_text::<CourseState>;
    let early = later.read_deferred_as(keys::COURSE, read);
    let decoded = full.get_as::<CourseState>(keys::COURSE).unwrap().unwrap();
    assert_eq!(early.as_ref(), Some(&decoded), "the same course either way");
    assert_eq!(early.unwrap().ticked.len(), 1, "the tick is there");
    assert!(
        later.is_deferred(keys::COURSE) && later.is_deferred(keys::JOURNAL),
        "reading it from text finishes nothing"
    );

    assert!(later.finish_load().is_empty());
    assert_eq!(later.records(), full.records());
    assert_eq!(
        later.read_deferred_as(keys::COURSE, read),
        None,
        "once the load has finished the store's own copy is the one to read"
    );
}

#[test]
fn a_course_whose_text_does_not_read_is_left_to_the_load_which_sets_it_aside() {
    const CUT: &str = r#"{"data":{"modules":[{"id":"welcome","title":"Wel"#;
    let device = || current_backend(&[(keys::COURSE, CUT)]);
    let (full, full_report) = Store::load(device(), NOW);
    let (mut store, _) = Store::load_deferring(device(), NOW, long_writing_and_the_course);

    assert_eq!(
        store.read_deferred_as(keys::COURSE, Record::data_from_text::<CourseState>),
        None
    );
    let finished = store.finish_load();
    assert_eq!(finished.newly_set_aside, full_report.newly_set_aside);
    assert_eq!(store.status().unreadable, vec![keys::COURSE.to_owned()]);
    assert_eq!(
        store.backend().peek(keys::COURSE),
        Some(CUT),
        "never written over"
    );
    assert_eq!(
        store.set_aside_entries().len(),
        full.set_aside_entries().len()
    );
}

#[test]
fn another_tabs_save_after_the_course_was_shown_arrives_as_news() {
    // The load keeps the text it showed, so once it finishes the store holds what the page holds,
    // and the other tab's save, announced by the browser, is taken in as any other.
    let (mut store, _) = Store::load_deferring(
        current_backend(&[(keys::COURSE, &envelope(3, a_ticked_course()))]),
        NOW,
        long_writing_and_the_course,
    );
    let shown = store
        .read_deferred_as(keys::COURSE, Record::data_from_text::<CourseState>)
        .unwrap();
    let theirs = serde_json::to_value(CourseState::default()).unwrap();
    store
        .backend_mut()
        .insert_raw(keys::COURSE, &envelope(4, theirs.clone()));

    assert!(store.finish_load().is_empty());
    assert_eq!(
        store.get_as::<CourseState>(keys::COURSE).unwrap().unwrap(),
        shown
    );
    assert_eq!(
        store.external_change(keys::COURSE, false, NOW + 1),
        ExternalOutcome::Updated(keys::COURSE.to_owned())
    );
    assert_eq!(store.get(keys::COURSE), Some(&theirs));
}

#[test]
fn only_a_record_left_in_storage_is_read_from_its_text() {
    let (store, _) = Store::load_deferring(a_device(), NOW, long_writing);
    assert_eq!(
        store.read_deferred_as(keys::COURSE, Record::data_from_text::<Value>),
        None,
        "the course was read at once: its value is the store's own"
    );
    assert_eq!(
        store.read_deferred_as("peer-study/draft/none", Record::data_from_text::<Value>),
        None
    );
}
