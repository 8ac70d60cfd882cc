//! The domain layer: plain data and pure rules, with no knowledge of the browser or of Leptos.

pub mod date;
pub mod settings;
