//! Saving: only changed records, a full store, failed writes, and two tabs sharing one store,
//! against the in-memory backend.

use std::cell::RefCell;
use std::rc::Rc;

use crate::support::current_backend;
use peer_study::storage::backend::BROWSER_QUOTA_UNITS;
use peer_study::storage::keys;
use peer_study::storage::memory_backend::{MemoryBackend, WriteFault};
use peer_study::storage::record::Record;
use peer_study::storage::save_schedule::{Next, SaveSchedule};
use peer_study::storage::schema::Meta;
use peer_study::storage::store::{ExternalOutcome, Keep, SaveOutcome, Store};
use peer_study::storage::usage;
use serde_json::{json, Value};

const NOW: i64 = 1_795_300_000_000;

fn saved_store() -> Store<MemoryBackend> {
    let (mut store, _) = Store::load(current_backend(&[]), NOW);
    store
        .set(&keys::draft("essay"), json!({"body": "It started"}))
        .unwrap();
    store
        .set(&keys::draft("final"), json!({"body": "Final"}))
        .unwrap();
    store.set(keys::JOURNAL, json!({"entries": []})).unwrap();
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);
    store
}

fn stored_data(backend: &MemoryBackend, key: &str) -> Option<Value> {
    backend
        .peek(key)
        .map(|raw| Record::decode(raw).unwrap().data)
}

#[test]
fn typing_in_one_draft_rewrites_only_that_draft() {
    let mut store = saved_store();
    let mut backend_log_start = store.backend().log().len();
    store
        .set(&keys::draft("essay"), json!({"body": "It started small"}))
        .unwrap();
    let report = store.save(NOW + 1);
    assert_eq!(report.written, vec![keys::draft("essay")]);
    assert_eq!(
        store.backend().keys_written()[backend_log_start..],
        [keys::draft("essay").as_str()]
    );

    // Setting the same content again is not a change.
    backend_log_start = store.backend().log().len();
    store
        .set(&keys::draft("essay"), json!({"body": "It started small"}))
        .unwrap();
    assert_eq!(store.save(NOW + 2).outcome(), SaveOutcome::NothingToSave);
    assert_eq!(store.backend().log().len(), backend_log_start);
}

#[test]
fn every_write_raises_the_revision_and_stamps_the_time() {
    let mut store = saved_store();
    let key = keys::draft("essay");
    assert_eq!(store.record(&key).unwrap().rev, 1);
    store.set(&key, json!({"body": "more"})).unwrap();
    store.save(NOW + 50);
    let stored = Record::decode(store.backend().peek(&key).unwrap()).unwrap();
    assert_eq!(stored.rev, 2);
    assert_eq!(stored.saved_at, NOW + 50);
}

#[test]
fn a_full_store_at_the_nth_write_keeps_every_change_and_shows_a_lasting_banner() {
    let mut store = saved_store();
    store
        .set(&keys::draft("essay"), json!({"body": "one"}))
        .unwrap();
    store
        .set(&keys::draft("final"), json!({"body": "two"}))
        .unwrap();
    store
        .set(keys::JOURNAL, json!({"entries": ["three"]}))
        .unwrap();
    // Writes happen in key order: draft/essay, draft/final, journal. The second is refused.
    store
        .backend_mut()
        .fail_nth_write(2, WriteFault::QuotaExceeded);

    let report = store.save(NOW + 1);
    assert_eq!(report.outcome(), SaveOutcome::StoreFull);
    assert_eq!(report.written.len(), 2, "what fits is still saved");
    assert!(store.is_dirty(&keys::draft("final")));
    assert_eq!(store.get(&keys::draft("final")).unwrap()["body"], "two");
    assert_eq!(
        stored_data(store.backend(), &keys::draft("final")).unwrap()["body"],
        "Final",
        "the stored copy is the last good one"
    );
    let status = store.status();
    assert!(status.store_full);
    assert!(status.store_full_banner().unwrap().contains("full"));

    // A save with nothing new still shows the banner while the change is unsaved...
    store
        .backend_mut()
        .fail_nth_write(1, WriteFault::QuotaExceeded);
    store.save(NOW + 2);
    assert!(store.status().store_full);
    // ...and it clears after the next good save.
    assert_eq!(store.save(NOW + 3).outcome(), SaveOutcome::Saved);
    assert!(!store.status().store_full);
    assert!(!store.has_unsaved_changes());
    assert_eq!(
        stored_data(store.backend(), &keys::draft("final")).unwrap()["body"],
        "two"
    );
}

#[test]
fn filling_the_real_five_mebibyte_quota_keeps_the_draft_in_memory() {
    let mut backend = MemoryBackend::with_browser_quota();
    backend.insert_raw(keys::META, &Meta::current().encode());
    let (mut store, _) = Store::load(backend, NOW);
    let big = "a".repeat((BROWSER_QUOTA_UNITS / 2) as usize);
    store
        .set(&keys::history("essay"), json!({"old": big}))
        .unwrap();
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);
    store
        .set(&keys::draft("essay"), json!({"body": big}))
        .unwrap();
    assert_eq!(store.save(NOW + 1).outcome(), SaveOutcome::StoreFull);
    assert!(store.is_dirty(&keys::draft("essay")));

    // Clearing old history makes room; the draft then saves and the banner goes.
    store.remove(&keys::history("essay")).unwrap();
    assert_eq!(store.save(NOW + 2).outcome(), SaveOutcome::Saved);
    assert!(!store.status().store_full);
    assert!(stored_data(store.backend(), &keys::draft("essay")).is_some());
    let report = usage::usage(store.backend()).unwrap();
    assert!(report.percent_used() > 49.0 && report.percent_used() < 51.0);
}

#[test]
fn another_failed_write_keeps_the_change_and_is_reported_but_is_not_a_full_store() {
    let mut store = saved_store();
    store.set(keys::JOURNAL, json!({"entries": ["x"]})).unwrap();
    store.backend_mut().fail_nth_write(1, WriteFault::Other);
    let report = store.save(NOW + 1);
    assert_eq!(report.outcome(), SaveOutcome::Failed);
    assert!(!report.succeeded());
    assert!(!store.status().store_full);
    assert!(store.status().last_failure.is_some());
    assert!(store.is_dirty(keys::JOURNAL));
}

#[test]
fn storage_disappearing_mid_session_loses_nothing() {
    let mut store = saved_store();
    store
        .set(keys::JOURNAL, json!({"entries": ["kept"]}))
        .unwrap();
    store.backend_mut().set_unavailable(true);
    assert!(!store.save(NOW + 1).succeeded());
    assert!(store.is_dirty(keys::JOURNAL));
    store.backend_mut().set_unavailable(false);
    assert!(store.save(NOW + 2).succeeded());
    assert_eq!(
        stored_data(store.backend(), keys::JOURNAL).unwrap(),
        json!({"entries": ["kept"]})
    );
}

#[test]
fn removing_a_record_removes_its_key_on_the_next_save() {
    let mut store = saved_store();
    store.remove(&keys::draft("final")).unwrap();
    assert!(store.backend().peek(&keys::draft("final")).is_some());
    let report = store.save(NOW + 1);
    assert_eq!(report.removed, vec![keys::draft("final")]);
    assert_eq!(store.backend().peek(&keys::draft("final")), None);
}

#[test]
fn only_record_keys_can_be_set() {
    let mut store = saved_store();
    assert!(store.set(keys::META, json!({})).is_err());
    assert!(store.set("peer-study/quarantine/x@1", json!({})).is_err());
    assert!(store.set("someone-elses-key", json!({})).is_err());
    assert!(store.set("peer-study.theme", json!("dark")).is_err());
}

// ----- two tabs -----

type Shared = Rc<RefCell<MemoryBackend>>;

fn two_tabs() -> (Store<Shared>, Store<Shared>) {
    let shared: Shared = Rc::new(RefCell::new(saved_store().backend().clone()));
    let (a, _) = Store::load(shared.clone(), NOW);
    let (b, _) = Store::load(shared, NOW);
    (a, b)
}

#[test]
fn an_old_tab_never_silently_overwrites_a_newer_write() {
    let (mut a, mut b) = two_tabs();
    let key = keys::draft("essay");
    a.set(&key, json!({"body": "written in tab A"})).unwrap();
    a.save(NOW + 1);
    b.set(&key, json!({"body": "written in tab B"})).unwrap();
    let report = b.save(NOW + 2);
    assert_eq!(report.new_conflicts, vec![key.clone()]);
    assert_eq!(report.outcome(), SaveOutcome::SavedSomeHeldBack);
    assert_eq!(
        stored_data(&a.backend().borrow(), &key).unwrap()["body"],
        "written in tab A"
    );

    // Tab B shows both; the trainee keeps B's and A's becomes a history snapshot.
    let conflicts = b.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].theirs["body"], "written in tab A");
    assert_eq!(conflicts[0].mine.unwrap()["body"], "written in tab B");
    let other = b.resolve_conflict(&key, Keep::Mine).unwrap().unwrap();
    assert_eq!(other["body"], "written in tab A");
    assert_eq!(b.save(NOW + 3).outcome(), SaveOutcome::Saved);
    let stored = Record::decode(b.backend().borrow().peek(&key).unwrap()).unwrap();
    assert_eq!(stored.data["body"], "written in tab B");
    assert_eq!(stored.rev, 3);
}

#[test]
fn keeping_the_other_tabs_version_hands_back_this_tabs_one_to_keep() {
    let (mut a, mut b) = two_tabs();
    let key = keys::JOURNAL;
    a.set(key, json!({"entries": ["A"]})).unwrap();
    a.save(NOW + 1);
    b.set(key, json!({"entries": ["B"]})).unwrap();
    b.save(NOW + 2);
    let mine = b.resolve_conflict(key, Keep::Theirs).unwrap().unwrap();
    assert_eq!(mine, json!({"entries": ["B"]}));
    let copy = b.keep_copy(key, &mine, "Your version from this tab", NOW + 3);
    assert_eq!(b.get(key).unwrap(), &json!({"entries": ["A"]}));
    assert!(!b.is_dirty(key));
    b.save(NOW + 3);
    assert!(b.backend().borrow().peek(&copy).unwrap().contains("B"));
}

#[test]
fn another_tabs_save_shows_up_here_when_nothing_here_is_unsaved() {
    let (mut a, mut b) = two_tabs();
    let key = keys::draft("final");
    a.set(&key, json!({"body": "from A"})).unwrap();
    a.save(NOW + 1);
    assert_eq!(
        b.external_change(&key, false, NOW + 1),
        ExternalOutcome::Updated(key.clone())
    );
    assert_eq!(b.get(&key).unwrap()["body"], "from A");
    // And B can carry on editing without a false conflict.
    b.set(&key, json!({"body": "B builds on A"})).unwrap();
    assert_eq!(b.save(NOW + 2).outcome(), SaveOutcome::Saved);
}

#[test]
fn another_tabs_save_waits_while_the_record_is_open_in_an_editor_here() {
    let (mut a, mut b) = two_tabs();
    let key = keys::draft("final");
    a.set(&key, json!({"body": "from A"})).unwrap();
    a.save(NOW + 1);
    assert_eq!(
        b.external_change(&key, true, NOW + 1),
        ExternalOutcome::NewerElsewhere(key.clone())
    );
    assert_eq!(b.get(&key).unwrap()["body"], "Final");
    assert_eq!(
        b.reload_from_storage(&key, NOW + 2),
        ExternalOutcome::Updated(key.clone())
    );
    assert_eq!(b.get(&key).unwrap()["body"], "from A");
}

#[test]
fn both_tabs_changing_a_record_is_a_conflict_as_soon_as_the_event_arrives() {
    let (mut a, mut b) = two_tabs();
    let key = keys::draft("essay");
    b.set(&key, json!({"body": "unsaved in B"})).unwrap();
    a.set(&key, json!({"body": "saved in A"})).unwrap();
    a.save(NOW + 1);
    assert_eq!(
        b.external_change(&key, true, NOW + 1),
        ExternalOutcome::Conflict(key.clone())
    );
    assert_eq!(b.get(&key).unwrap()["body"], "unsaved in B");
    assert_eq!(b.status().conflicts, 1);
    assert_eq!(b.save(NOW + 2).held_back, vec![key.clone()]);
}

#[test]
fn a_newer_version_in_another_tab_makes_this_tab_read_only() {
    let (a, mut b) = two_tabs();
    a.backend()
        .borrow_mut()
        .insert_raw(keys::META, r#"{"schema_version":99}"#);
    assert_eq!(
        b.external_change(keys::META, false, NOW),
        ExternalOutcome::BecameReadOnly
    );
    assert!(b.set(keys::JOURNAL, json!({})).is_err());
}

#[test]
fn the_schedule_and_the_store_together_save_after_a_pause_and_retry_after_a_full_store() {
    let mut store = saved_store();
    let mut schedule = SaveSchedule::default();
    store.set(keys::JOURNAL, json!({"entries": ["a"]})).unwrap();
    schedule.changed(NOW);
    assert_eq!(schedule.next(NOW + 100), Next::WaitUntil(NOW + 350));
    store
        .backend_mut()
        .fail_nth_write(1, WriteFault::QuotaExceeded);
    let report = store.save(NOW + 350);
    schedule.save_finished(NOW + 350, report.succeeded());
    assert!(matches!(schedule.next(NOW + 400), Next::WaitUntil(_)));
    let retry_at = schedule.due_at().unwrap();
    let report = store.save(retry_at);
    schedule.save_finished(retry_at, report.succeeded());
    assert_eq!(schedule.next(retry_at + 1), Next::Idle);
    assert!(!store.has_unsaved_changes());
}

#[test]
fn two_tabs_writing_the_same_revision_at_once_keep_both_versions() {
    // Guards against a silent loss found by typing in two tabs at once: browsers pass
    // localStorage writes between tabs a moment late, so both tabs could write revision 2 and
    // the later write replaced the earlier one, while each tab thought it was up to date.
    let mut store = saved_store();
    let key = keys::draft("essay");
    store.set(&key, json!({"body": "From this tab"})).unwrap();
    assert_eq!(store.save(NOW + 1).outcome(), SaveOutcome::Saved);
    let ours = Record::decode(store.backend().peek(&key).unwrap()).unwrap();
    let theirs = Record {
        data: json!({"body": "From the other tab"}),
        saved_at: NOW + 2,
        ..ours.clone()
    };
    store.backend_mut().insert_raw(&key, &theirs.encode());

    assert_eq!(
        store.external_change(&key, false, NOW + 3),
        ExternalOutcome::Conflict(key.clone())
    );
    assert_eq!(store.get(&key).unwrap()["body"], "From this tab");
    assert_eq!(store.conflicts()[0].theirs["body"], "From the other tab");
    // Keeping this tab's version writes it over theirs, and theirs is handed back to keep.
    let other = store.resolve_conflict(&key, Keep::Mine).unwrap().unwrap();
    assert_eq!(other["body"], "From the other tab");
    assert_eq!(store.save(NOW + 4).outcome(), SaveOutcome::Saved);
    assert_eq!(
        stored_data(store.backend(), &key).unwrap()["body"],
        "From this tab"
    );

    // A storage event for the tab's own, unchanged revision is still nothing to do.
    assert_eq!(
        store.external_change(&key, false, NOW + 5),
        ExternalOutcome::Ignored
    );
}
