//! The sealed backend under the real store, and the conversions (on, off, a new passcode) with a
//! write failing, or the page stopping, at every possible point.

use super::*;

// ----- the sealed backend under the real store -----

type Shared = Rc<std::cell::RefCell<MemoryBackend>>;

fn shared(backend: MemoryBackend) -> Shared {
    Rc::new(std::cell::RefCell::new(backend))
}

/// What a trainee has stored: a few records of different kinds, one with words in it.
fn fixture() -> (MemoryBackend, BTreeMap<String, Value>) {
    let (mut store, _) = Store::load(MemoryBackend::new(), 1_000);
    let mut expected = BTreeMap::new();
    for (key, data) in [
        (
            keys::JOURNAL.to_owned(),
            json!({"entries": [{"text": WORDS.join(" ")}]}),
        ),
        (keys::SETTINGS.to_owned(), json!({"theme": "dark"})),
        (
            keys::draft("essay"),
            json!({"text": format!("My {} story", WORDS[0])}),
        ),
        (
            keys::history("essay"),
            json!({"versions": [{"text": WORDS[1]}]}),
        ),
        (keys::PLACEMENT.to_owned(), json!({"days": [1, 2, 3]})),
    ] {
        store.set(&key, data.clone()).unwrap();
        expected.insert(key, data);
    }
    assert!(store.save(2_000).succeeded());
    let copy = store.keep_copy(keys::PLACEMENT, &json!({"note": WORDS[2]}), "kept", 2_500);
    assert!(store.save(3_000).succeeded());
    assert!(copy.starts_with(keys::QUARANTINE_PREFIX));
    (store.backend().clone(), expected)
}

/// Loads the store as a reload would: unlocking with the passcode if the lock is on.
fn reload(backend: MemoryBackend, passcode: &str) -> Store<SealedBackend<MemoryBackend>> {
    let slot = LockSlot::shared();
    if let Some(raw) = backend.peek(KEYRING) {
        let keyring = Keyring::decode(raw).unwrap();
        let key = unlock(&keyring, passcode).expect("the passcode opens the lock");
        slot.borrow_mut().unlock(keyring.id.clone(), key);
    }
    let (store, report) = Store::load(SealedBackend::new(backend, slot), 9_000);
    assert!(report.newly_set_aside.is_empty(), "{report:?}");
    assert!(report.unreadable.is_empty(), "{report:?}");
    store
}

fn assert_all_there<B: Backend>(store: &mut Store<B>, expected: &BTreeMap<String, Value>) {
    for (key, data) in expected {
        assert_eq!(store.get(key), Some(data), "{key}");
    }
    assert_eq!(store.records().len(), expected.len());
    assert_eq!(
        store.set_aside_entries().len(),
        1,
        "the one kept copy, nothing more"
    );
}

fn no_words_stored(backend: &MemoryBackend) -> bool {
    backend
        .entries()
        .values()
        .all(|v| WORDS.iter().all(|w| !v.contains(w)))
}

fn turned_on(backend: &mut MemoryBackend) -> Lock {
    let lock = new_lock();
    let report = convert::turn_on(backend, &lock.keyring, &lock.data_key).unwrap();
    assert!(report.failures.is_empty());
    lock
}

fn slot_for(lock: &Lock) -> SharedSlot {
    let slot = LockSlot::shared();
    let key = DataKey::from_bytes(*lock.data_key_bytes());
    slot.borrow_mut().unlock(lock.keyring.id.clone(), key);
    slot
}

impl Lock {
    fn data_key_bytes(&self) -> &[u8; 32] {
        self.data_key.bytes()
    }
}

#[test]
fn with_the_lock_on_the_store_saves_no_word_in_the_clear_and_reads_everything_back() {
    let (mut backend, expected) = fixture();
    let lock = turned_on(&mut backend);
    assert!(no_words_stored(&backend));
    let meta = backend.peek(keys::META).unwrap();
    assert!(
        meta.contains("schema_version"),
        "the schema version stays readable"
    );

    // A new save through the sealed backend is sealed too, with its revision readable.
    let mut store = reload(backend, PASSCODE);
    assert_all_there(&mut store, &expected);
    let before = store.record(keys::JOURNAL).unwrap().rev;
    store
        .set(
            keys::JOURNAL,
            json!({"entries": [{"text": "a marmalade lighthouse"}]}),
        )
        .unwrap();
    assert!(store.save(10_000).succeeded());
    let raw = store
        .backend()
        .inner()
        .peek(keys::JOURNAL)
        .unwrap()
        .to_owned();
    assert!(!raw.contains("marmalade"));
    assert_eq!(
        serde_json::from_str::<Value>(&raw).unwrap()["rev"],
        before + 1
    );
    let again = reload(store.backend().inner().clone(), PASSCODE);
    assert_eq!(
        again.get(keys::JOURNAL),
        Some(&json!({"entries": [{"text": "a marmalade lighthouse"}]}))
    );
    let _ = lock;
}

#[test]
fn a_tampered_record_is_set_aside_and_never_written_over() {
    let (mut backend, _) = fixture();
    let lock = turned_on(&mut backend);
    let mut value: Value = serde_json::from_str(backend.peek(keys::JOURNAL).unwrap()).unwrap();
    value["rev"] = json!(99);
    let tampered = value.to_string();
    backend.insert_raw(keys::JOURNAL, &tampered);

    let (mut store, report) = Store::load(SealedBackend::new(backend, slot_for(&lock)), 9_000);
    assert_eq!(report.newly_set_aside.len(), 1);
    assert_eq!(store.get(keys::JOURNAL), None);
    let entry = store
        .set_aside_entries()
        .into_iter()
        .find(|e| e.original_key == keys::JOURNAL)
        .unwrap()
        .clone();
    assert_eq!(entry.reason, RecordError::WontOpen.to_string());
    assert_eq!(entry.raw, tampered);
    // The app starts the journal afresh; the save must not write over the original.
    store.set(keys::JOURNAL, json!({"entries": []})).unwrap();
    let _ = store.save(10_000);
    assert_eq!(
        store.backend().inner().peek(keys::JOURNAL),
        Some(tampered.as_str())
    );
    // The set-aside copy itself is stored sealed.
    let copy = store.backend().inner().peek(&entry.key).unwrap();
    assert!(sealed::is_sealed(copy));
}

#[test]
fn a_tab_without_the_key_neither_reads_nor_sets_aside_nor_writes_sealed_records() {
    let (mut backend, _) = fixture();
    let _lock = turned_on(&mut backend);
    let sealed_journal = backend.peek(keys::JOURNAL).unwrap().to_owned();
    let (mut store, report) = Store::load(SealedBackend::new(backend, LockSlot::shared()), 9_000);
    assert!(report.newly_set_aside.is_empty());
    assert!(report.unreadable.iter().any(|(k, _)| k == keys::JOURNAL));
    assert_eq!(store.get(keys::JOURNAL), None);
    store.set(keys::JOURNAL, json!({"entries": []})).unwrap();
    let _ = store.save(10_000);
    assert_eq!(
        store.backend().inner().peek(keys::JOURNAL),
        Some(sealed_journal.as_str())
    );
}

#[test]
fn a_tab_holding_a_key_the_stored_keyring_no_longer_has_writes_plain_text_not_sealed() {
    let (mut backend, _) = fixture();
    let lock = turned_on(&mut backend);
    let slot = slot_for(&lock);
    // Another tab turned the lock off.
    convert::turn_off(&mut backend, &lock.data_key).unwrap();
    let (mut store, _) = Store::load(SealedBackend::new(backend, slot), 9_000);
    store
        .set(keys::SETTINGS, json!({"theme": "light"}))
        .unwrap();
    assert!(store.save(10_000).succeeded());
    let raw = store.backend().inner().peek(keys::SETTINGS).unwrap();
    assert!(!sealed::is_sealed(raw));
    assert!(raw.contains("light"));
}

// ----- conversions, failing at every point -----

/// The same stored data after a reload: no faults left waiting.
fn restarted(backend: &MemoryBackend) -> MemoryBackend {
    let mut fresh = MemoryBackend::new();
    for (key, value) in backend.entries() {
        fresh.insert_raw(key, value);
    }
    fresh
}

/// Runs `op` on a copy of `start` once without faults to count its writes, then again for each
/// N with the Nth write failing (`crash` false) or every write from the Nth on failing, as if
/// the page had stopped there (`crash` true). After each, `check` sees the backend.
fn at_every_write(
    start: &MemoryBackend,
    op: &dyn Fn(&mut MemoryBackend),
    check: &dyn Fn(MemoryBackend, u64),
) {
    let mut dry = start.clone();
    dry.clear_log();
    op(&mut dry);
    let writes = dry.log().len() as u64;
    assert!(writes >= 3, "the conversion wrote {writes} times");
    for crash in [false, true] {
        for n in 1..=writes + 1 {
            let mut backend = start.clone();
            let last = if crash { n + writes + 5 } else { n };
            for k in n..=last {
                backend.fail_nth_write(k, WriteFault::Other);
            }
            op(&mut backend);
            check(restarted(&backend), n);
        }
    }
}

#[test]
fn turning_the_lock_on_loses_nothing_whichever_write_fails() {
    let (start, expected) = fixture();
    let lock = new_lock();
    at_every_write(
        &start,
        &|b| {
            let _ = convert::turn_on(b, &lock.keyring, &lock.data_key);
        },
        &|backend, n| {
            let on = backend.peek(KEYRING).is_some();
            assert_eq!(on, n != 1, "the keyring is the first write, N={n}");
            let mut store = reload(backend.clone(), PASSCODE);
            assert_all_there(&mut store, &expected);
            // The next unlock finishes the job.
            let mut backend = backend;
            if on {
                let report = convert::seal_all(&mut backend, &lock.data_key);
                assert!(report.failures.is_empty());
                assert!(no_words_stored(&backend), "N={n}");
                assert_all_there(&mut reload(backend, PASSCODE), &expected);
            }
        },
    );
}

#[test]
fn turning_the_lock_off_loses_nothing_whichever_write_fails() {
    let (mut start, expected) = fixture();
    let lock = turned_on(&mut start);
    at_every_write(
        &start,
        &|b| {
            let _ = convert::turn_off(b, &lock.data_key);
        },
        &|backend, n| {
            let mut store = reload(backend.clone(), PASSCODE);
            assert_all_there(&mut store, &expected);
            if backend.peek(KEYRING).is_some() {
                // Still on: whatever could be sealed again was.
                let mut backend = backend;
                assert!(convert::seal_all(&mut backend, &lock.data_key)
                    .failures
                    .is_empty());
                assert!(no_words_stored(&backend), "N={n}");
            } else {
                assert!(backend.entries().values().all(|v| !sealed::is_sealed(v)));
            }
        },
    );
}

#[test]
fn turning_off_completes_with_every_record_plain_and_no_keyring() {
    let (mut backend, expected) = fixture();
    let before = backend.clone();
    let lock = turned_on(&mut backend);
    let report = convert::turn_off(&mut backend, &lock.data_key).unwrap();
    assert_eq!(report.converted.len(), expected.len() + 1);
    assert_eq!(backend.peek(KEYRING), None);
    for (key, value) in before.entries() {
        assert_eq!(
            backend.peek(key),
            Some(value.as_str()),
            "{key} byte for byte"
        );
    }
    assert_eq!(
        convert::turn_off(&mut backend, &lock.data_key),
        Err(LockError::NotOn)
    );
}

#[test]
fn changing_the_passcode_is_one_write_and_a_failed_one_keeps_the_old_passcode() {
    let (mut backend, expected) = fixture();
    let lock = turned_on(&mut backend);
    let kdf = test_kdf();
    let new_keyring = lock
        .keyring
        .with_new_passcode(
            &lock.data_key,
            kdf.clone(),
            &passcode_key("new passphrase", &kdf),
        )
        .unwrap();
    let mut failing = backend.clone();
    failing.fail_nth_write(1, WriteFault::QuotaExceeded);
    assert!(matches!(
        convert::store_keyring(&mut failing, &new_keyring),
        Err(LockError::KeyringNotSaved(_))
    ));
    assert_all_there(&mut reload(failing, PASSCODE), &expected);

    backend.clear_log();
    convert::store_keyring(&mut backend, &new_keyring).unwrap();
    assert_eq!(backend.keys_written(), [KEYRING]);
    assert_all_there(&mut reload(backend.clone(), "new passphrase"), &expected);
    assert!(unlock(
        &Keyring::decode(backend.peek(KEYRING).unwrap()).unwrap(),
        PASSCODE
    )
    .is_err());
}

#[test]
fn turning_on_twice_is_refused_and_changes_nothing() {
    let (mut backend, _) = fixture();
    let _lock = turned_on(&mut backend);
    let before = backend.entries().clone();
    let other = new_lock();
    assert_eq!(
        convert::turn_on(&mut backend, &other.keyring, &other.data_key),
        Err(LockError::AlreadyOn)
    );
    assert_eq!(backend.entries(), &before);
}

#[test]
fn two_tabs_share_the_sealed_store_and_see_each_others_revisions() {
    let (mut backend, _) = fixture();
    let lock = turned_on(&mut backend);
    let disk = shared(backend);
    let (mut a, _) = Store::load(SealedBackend::new(disk.clone(), slot_for(&lock)), 9_000);
    let (mut b, _) = Store::load(SealedBackend::new(disk.clone(), slot_for(&lock)), 9_000);
    a.set(keys::SETTINGS, json!({"theme": "light"})).unwrap();
    assert!(a.save(10_000).succeeded());
    let outcome = b.external_change(keys::SETTINGS, false, 10_001);
    assert_eq!(
        outcome,
        crate::storage::store::ExternalOutcome::Updated(keys::SETTINGS.to_owned())
    );
    assert_eq!(b.get(keys::SETTINGS), Some(&json!({"theme": "light"})));
    // B's stale write would be a conflict, exactly as without the lock.
    b.set(keys::SETTINGS, json!({"theme": "dark"})).unwrap();
    a.set(keys::SETTINGS, json!({"theme": "system"})).unwrap();
    assert!(a.save(10_002).succeeded());
    let report = b.save(10_003);
    assert_eq!(report.new_conflicts, [keys::SETTINGS]);
}

#[test]
fn the_lock_keys_are_never_loaded_set_aside_or_written_by_the_store() {
    use crate::storage::crypto::{ATTEMPTS, AUTO_LOCK, LOCKED_AT};
    let (mut backend, expected) = fixture();
    let lock = turned_on(&mut backend);
    backend.insert_raw(ATTEMPTS, r#"{"failures":2,"last_failed_at":5}"#);
    backend.insert_raw(AUTO_LOCK, "15");
    backend.insert_raw(LOCKED_AT, "not even JSON");
    for key in [KEYRING, ATTEMPTS, AUTO_LOCK, LOCKED_AT] {
        assert_eq!(keys::classify(key), keys::KeyClass::Foreign, "{key}");
    }
    let before: Vec<(String, String)> = [KEYRING, ATTEMPTS, AUTO_LOCK, LOCKED_AT]
        .iter()
        .map(|k| (k.to_string(), backend.peek(k).unwrap().to_owned()))
        .collect();
    let mut store = reload(backend, PASSCODE);
    assert_all_there(&mut store, &expected);
    store
        .set(keys::SETTINGS, json!({"theme": "light"}))
        .unwrap();
    assert!(store.save(10_000).succeeded());
    for (key, value) in before {
        assert_eq!(
            store.backend().inner().peek(&key),
            Some(value.as_str()),
            "{key}"
        );
    }
    let _ = lock;
}

#[test]
fn a_locked_version_2_store_is_brought_up_to_date_once_unlocked_and_stays_sealed() {
    // A version 2 build's store with the lock on: its history sealed under schema 2, every
    // snapshot written whole.
    let section =
        |id: u32, text: &str| json!({"id": id, "title": "Part", "prompts": [], "text": text});
    let history = json!({"next_id": 3, "snapshots": [
        {"id": 1, "taken_at": 1, "kind": "auto", "words": 1, "sections": [section(1, WORDS[0])]},
        {"id": 2, "taken_at": 2, "kind": "auto", "words": 2,
         "sections": [section(1, WORDS[0]), section(2, WORDS[1])]},
    ]});
    let (mut backend, _) = fixture();
    let lock = turned_on(&mut backend);
    let key = keys::history("essay");
    let envelope = json!({"rev": 4, "saved_at": 1_000, "data": history}).to_string();
    backend.insert_raw(
        &key,
        &sealed::seal(&key, &envelope, 2, &lock.data_key).unwrap(),
    );
    backend.insert_raw(keys::META, r#"{"schema_version":2}"#);

    let mut store = reload(backend, PASSCODE);
    let data = store.get(&key).unwrap().clone();
    assert_eq!(data["section_versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(data["snapshots"][1]["sections"], json!([0, 1]));
    assert!(store.save(10_000).succeeded());

    let stored = store.backend().inner().peek(&key).unwrap().to_owned();
    assert!(
        no_words_stored(store.backend().inner()),
        "still sealed: {stored}"
    );
    let head: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(head["sealed"]["schema"], 3);
    let again = reload(store.backend().inner().clone(), PASSCODE);
    assert_eq!(again.get(&key), Some(&data));
}
