//! Native integration tests: the domain and storage layers through the crate's public API, with
//! the in-memory storage backend and independent readers (python-docx, icalendar) as second
//! opinions. Run with `cargo test` (or `cargo test --test native <suite>` for one suite).
//!
//! The suites are modules of one test binary rather than one binary each: every integration-test
//! binary links the whole library, and when each suite was a binary of its own, fourteen of them
//! took 180 MB of a fresh clone's 372 MB test build (as one binary, 22 MB of a 221 MB build) and
//! fourteen link steps. Helpers more than one suite needs live in `native/support.rs`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "native/support.rs"]
mod support;

#[path = "native/check_language_root.rs"]
mod check_language_root;

#[path = "native/language_corpus.rs"]
mod language_corpus;

#[path = "native/language_properties.rs"]
mod language_properties;

#[path = "native/language_suggestions.rs"]
mod language_suggestions;

#[path = "native/course_journey.rs"]
mod course_journey;

#[path = "native/course_calendar.rs"]
mod course_calendar;

#[path = "native/docx_export.rs"]
mod docx_export;

#[path = "native/stored_dates.rs"]
mod stored_dates;

#[path = "native/storage_load.rs"]
mod storage_load;

#[path = "native/storage_deferred.rs"]
mod storage_deferred;

#[path = "native/storage_save.rs"]
mod storage_save;

#[path = "native/storage_unreadable.rs"]
mod storage_unreadable;

#[path = "native/backup_restore.rs"]
mod backup_restore;

#[path = "native/backup_encrypted.rs"]
mod backup_encrypted;
