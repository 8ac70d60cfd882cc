//! Browser tests: mount real components in headless Chromium, act on them, and check the DOM and
//! localStorage. Run with `make test-browser` (wasm-bindgen-test-runner + ChromeDriver).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/support.rs"]
mod support;

#[path = "browser/display_settings.rs"]
mod display_settings;

#[path = "browser/shell.rs"]
mod shell;

#[path = "browser/storage.rs"]
mod storage;

#[path = "browser/records_follow.rs"]
mod records_follow;

#[path = "browser/course_support.rs"]
mod course_support;

#[path = "browser/course_checklist.rs"]
mod course_checklist;

#[path = "browser/course_schedule.rs"]
mod course_schedule;

#[path = "browser/course_attendance.rs"]
mod course_attendance;

#[path = "browser/course_journal.rs"]
mod course_journal;

#[path = "browser/course_home.rs"]
mod course_home;

#[path = "browser/course_module.rs"]
mod course_module;

#[path = "browser/glossary_support.rs"]
mod glossary_support;

#[path = "browser/glossary_search.rs"]
mod glossary_search;

#[path = "browser/glossary_entry.rs"]
mod glossary_entry;

#[path = "browser/glossary_own_entries.rs"]
mod glossary_own_entries;

#[path = "browser/glossary_flashcards.rs"]
mod glossary_flashcards;

#[path = "browser/records_lifetime.rs"]
mod records_lifetime;

#[path = "browser/writing_support.rs"]
mod writing_support;

#[path = "browser/writing_editor.rs"]
mod writing_editor;

#[path = "browser/writing_list.rs"]
mod writing_list;

#[path = "browser/writing_share.rs"]
mod writing_share;

#[path = "browser/update_banner.rs"]
mod update_banner;

#[path = "browser/my_data.rs"]
mod my_data;

#[path = "browser/writing_checker.rs"]
mod writing_checker;

#[path = "browser/lock_crypto.rs"]
mod lock_crypto;

#[path = "browser/backup_encrypted.rs"]
mod backup_encrypted;
#[path = "browser/storage_safety.rs"]
mod storage_safety;
