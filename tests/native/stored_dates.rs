//! The stored form of dates stays exactly as it was when the calendar moved onto chrono: every date
//! in the saved-data fixture of each past schema version reads as a calendar date and writes back
//! byte for byte, and a fixture loaded, rewritten through the domain's date type and saved again
//! holds the same records and the same date strings as before.

use crate::support::{backend_with, fixture};
use peer_study::domain::date::{CalendarDate, Weekday};
use peer_study::domain::schedule::Schedule;
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::schema::{CURRENT_VERSION, OLDEST_VERSION};
use peer_study::storage::store::{SaveOutcome, Store, StoreMode};
use serde_json::Value;

const NOW: i64 = 1_795_300_000_000;

/// Whether `text` has the stored shape of a date, `YYYY-MM-DD`, judged without our date code.
fn looks_like_a_date(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Every date-shaped string in a JSON value, looking inside strings that are JSON themselves (a
/// stored value is a record's JSON text).
fn dates_in(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) if looks_like_a_date(text) => found.push(text.clone()),
        Value::String(text) => {
            if let Ok(inner @ (Value::Object(_) | Value::Array(_))) = serde_json::from_str(text) {
                dates_in(&inner, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| dates_in(v, found)),
        Value::Object(fields) => fields.values().for_each(|v| dates_in(v, found)),
        _ => {}
    }
}

/// Every date-shaped string stored under any key, in key order.
fn stored_dates<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> Vec<String> {
    let mut found = Vec::new();
    for (_, raw) in entries {
        dates_in(&Value::String(raw.clone()), &mut found);
    }
    found
}

/// `value` with every date string replaced by what [`CalendarDate`] writes after reading it.
fn through_calendar_date(value: &Value) -> Value {
    match value {
        Value::String(text) if looks_like_a_date(text) => {
            let date: CalendarDate = text.parse().unwrap();
            serde_json::to_value(date).unwrap()
        }
        Value::Array(items) => Value::Array(items.iter().map(through_calendar_date).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), through_calendar_date(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn every_date_in_every_fixture_reads_as_a_calendar_date_and_writes_back_exactly() {
    let mut checked = 0;
    for version in OLDEST_VERSION..=CURRENT_VERSION {
        for text in stored_dates(&fixture(version)) {
            let date: CalendarDate = text
                .parse()
                .unwrap_or_else(|e| panic!("version {version}: {e}"));
            assert_eq!(date.to_string(), text, "version {version}");
            assert_eq!(
                serde_json::to_string(&date).unwrap(),
                format!("\"{text}\""),
                "version {version}"
            );
            checked += 1;
        }
    }
    // The version 2 fixture's journal entry is dated; a fixture with no dates would prove nothing.
    assert!(checked >= 1, "the fixtures should hold at least one date");
}

#[test]
fn each_fixture_loads_and_saves_through_the_date_type_with_its_records_unchanged() {
    for version in OLDEST_VERSION..=CURRENT_VERSION {
        let snapshot = fixture(version);
        let (mut store, report) = Store::load(backend_with(&snapshot), NOW);
        assert_eq!(report.mode, StoreMode::ReadWrite, "version {version}");
        assert!(report.newly_set_aside.is_empty(), "version {version}");

        // Rewrite every record with its dates read and written again by the domain's date type,
        // and make the store write each one (a record set to what it holds is not rewritten).
        let loaded: Vec<(String, Value)> = store
            .records()
            .iter()
            .map(|(key, record)| (key.clone(), record.data.clone()))
            .collect();
        for (key, data) in &loaded {
            store.set(key, Value::Null).unwrap();
            store.set(key, through_calendar_date(data)).unwrap();
        }
        assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);

        let saved = store.backend().entries();
        for (key, data) in &loaded {
            let raw = saved.get(key).unwrap_or_else(|| panic!("{key} was saved"));
            let stored: Value = serde_json::from_str(raw).unwrap();
            assert_eq!(&stored["data"], data, "version {version}: {key}");
        }
        // Every date the fixture held is stored again, character for character.
        let before: Vec<String> = stored_dates(&snapshot);
        let after: Vec<String> = stored_dates(saved);
        assert_eq!(after, before, "version {version}");
    }
}

#[test]
fn a_schedule_keeps_its_stored_start_date_and_lowercase_weekday() {
    // The schedule is the record that holds a weekday: chrono's own Weekday would write "Tue".
    let stored =
        r#"{"start":"2026-03-03","weekday":"tuesday","day_count":10,"moved":{"3":"2026-03-18"}}"#;
    let schedule: Schedule = serde_json::from_str(stored).unwrap();
    assert_eq!(schedule.weekday, Weekday::Tuesday);
    assert_eq!(schedule.start, CalendarDate::new(2026, 3, 3).unwrap());

    let (mut store, _) = Store::load(MemoryBackend::new(), NOW);
    store.set_typed(keys::SCHEDULE, &schedule).unwrap();
    assert_eq!(store.save(NOW).outcome(), SaveOutcome::Saved);
    let raw = store.backend().peek(keys::SCHEDULE).unwrap();
    let data = &serde_json::from_str::<Value>(raw).unwrap()["data"];
    assert_eq!(data, &serde_json::from_str::<Value>(stored).unwrap());
}
