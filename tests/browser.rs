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

#[path = "browser/update_banner.rs"]
mod update_banner;
