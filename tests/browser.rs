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

#[path = "browser/writing_support.rs"]
mod writing_support;

#[path = "browser/writing_editor.rs"]
mod writing_editor;

#[path = "browser/writing_list.rs"]
mod writing_list;

#[path = "browser/writing_share.rs"]
mod writing_share;
