//! Peer Study: a study companion for peer support worker trainees.
//!
//! Three layers, each knowing only the ones below it:
//! - [`domain`]: plain data and pure rules (no browser, no Leptos), tested natively;
//! - [`storage`]: the key-value backends, key registry, schema and save rules;
//! - `app` (browser only): Leptos components, pages, routing and browser APIs.

pub mod domain;
pub mod storage;

/// The recovery-language checker, at the crate root as issue 6 asks:
/// `peer_study::check_language(text)` finds the phrases the built-in glossary flags.
pub use domain::language_check::{check_language, Finding};

#[cfg(target_arch = "wasm32")]
pub mod app;
