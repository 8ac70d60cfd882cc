//! The storage layer: where a trainee's data lives on their device and how it gets there safely.
//!
//! Start at [`store::Store`]: `Store::load` at start-up, `set`/`set_typed` on each change, `save`
//! when the [`save_schedule::SaveSchedule`] says so or the page is hidden, `external_change` on the
//! browser's `storage` event, and [`backup`] for backing up and restoring.

pub mod backend;
pub mod backup;
pub mod cross_tab;
pub mod crypto;
pub mod device_notes;
pub mod erase;
pub mod error;
pub mod keys;
#[cfg(target_arch = "wasm32")]
pub mod local_storage;
pub mod memory_backend;
pub mod migrate;
pub mod quarantine;
pub mod record;
pub mod record_names;
pub mod record_types;
pub mod save_schedule;
pub mod schema;
pub mod store;
pub mod unknown_fields;
pub mod usage;
