//! Keeping a trainee's words on their device (issue 14, part C): the Safari notice, the install
//! button, the last backup with its nudge, and asking the browser to keep Peer Study's data after
//! the first real entry.
//!
//! [`DeviceSafety`] holds what these pieces share, read once at start-up and provided through
//! context, so home and My data agree (a backup made on one shows on the other at once). Its facts
//! live in this device's notes (`storage::device_notes`), outside the store: they are about this
//! browser, never backed up or restored. The rules are `domain::storage_safety`.

pub mod backup_reminder;
pub mod install;
pub mod safari;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::clock::now_ms;
use crate::app::records::Records;
use crate::domain::date::UnixMs;
use crate::storage::device_notes::{self, LAST_BACKUP, PERSIST_ASKED, SAFARI_NOTICE_UNTIL};
use crate::storage::keys::RecordKind;
use crate::storage::local_storage::LocalStorageBackend;

pub use backup_reminder::{BackupReminder, LastBackup};
pub use install::InstallOffer;
pub use safari::SafariNotice;

/// The notices about this device for the top of home and My data: the Safari notice on an
/// iPhone or iPad in a browser tab, and the install offer where the browser makes one.
#[component]
pub fn DeviceNotices() -> impl IntoView {
    view! {
        <SafariNotice/>
        <InstallOffer/>
    }
}

/// Moves focus to the page's main heading on the next frame: for a button that goes away with
/// what it did (a notice put away, an install offer used), so focus is not lost with it.
fn focus_page_heading() {
    request_animation_frame(|| {
        let heading = document().query_selector("main h1").ok().flatten();
        if let Some(h1) = heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = h1.focus();
        }
    });
}

/// What the storage-safety pieces share, through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct DeviceSafety {
    /// When the last backup was downloaded on this device.
    last_backup: RwSignal<Option<UnixMs>>,
    /// Until when the Safari notice is put away.
    notice_until: RwSignal<Option<UnixMs>>,
    /// The browser's answer to keeping Peer Study's data: `None` until it has said.
    kept: RwSignal<Option<bool>>,
    /// Whether the browser offers installing (its event is kept in `install`).
    install: RwSignal<bool>,
}

impl DeviceSafety {
    /// Reads this device's notes, asks the browser whether it keeps Peer Study's data, and starts
    /// listening for the browser offering to install. Call once, at the very start (the install
    /// offer can come before any page shows, even before unlocking).
    pub fn start() -> Self {
        let notes = LocalStorageBackend::open();
        let safety = DeviceSafety {
            last_backup: RwSignal::new(device_notes::read_instant(&notes, LAST_BACKUP)),
            notice_until: RwSignal::new(device_notes::read_instant(&notes, SAFARI_NOTICE_UNTIL)),
            kept: RwSignal::new(None),
            install: RwSignal::new(false),
        };
        install::listen(safety.install);
        if let Some(manager) = storage_manager() {
            if let Ok(promise) = manager.persisted() {
                safety.answer_from(promise);
            }
        }
        safety
    }

    /// Sets the "kept" answer from a `persisted()` or `persist()` promise once it settles.
    fn answer_from(self, promise: js_sys::Promise) {
        let kept = self.kept;
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(value) = JsFuture::from(promise).await {
                kept.set(value.as_bool());
            }
        });
    }

    /// Asks the browser to keep Peer Study's data (`navigator.storage.persist()`); the answer
    /// shows on My data when it comes.
    pub fn ask_to_keep(self) {
        if let Some(manager) = storage_manager() {
            if let Ok(promise) = manager.persist() {
                self.answer_from(promise);
            }
        }
    }

    /// The browser's answer to keeping Peer Study's data, `None` until it has said.
    pub fn kept(self) -> ReadSignal<Option<bool>> {
        self.kept.read_only()
    }
}

/// The browser's storage manager, where it has one (not in older Safari, nor on plain http
/// anywhere but loopback).
pub fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = window().navigator();
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

/// Notes that a backup file was just downloaded: home and My data then say "Last backup: today".
/// Call it where a backup download succeeds.
pub fn backup_made() {
    let now = now_ms();
    // Only a hint for the reminder: if it can't be stored, the reminder is just early.
    let _ = device_notes::write_instant(&mut LocalStorageBackend::open(), LAST_BACKUP, now);
    if let Some(safety) = use_context::<DeviceSafety>() {
        safety.last_backup.set(Some(now));
    }
}

/// Whether the trainee has saved anything of their own (more than display settings).
pub fn has_own_work(records: Records) -> bool {
    RecordKind::ALL
        .into_iter()
        .filter(|kind| device_notes::is_own_work(*kind))
        .any(|kind| records.has_any_of_kind(kind))
}

/// How long after start-up to ask, when the trainee's work was already stored at start-up.
const ASK_AFTER_START: std::time::Duration = std::time::Duration::from_secs(2);

/// After the trainee's first real entry (not on a first visit with nothing written), asks the
/// browser once to keep Peer Study's data. Call once the records are loaded.
pub fn ask_to_keep_after_first_entry(records: Records) {
    let Some(safety) = use_context::<DeviceSafety>() else {
        return;
    };
    if device_notes::read_instant(&LocalStorageBackend::open(), PERSIST_ASKED).is_some() {
        return;
    }
    let status = records.status();
    Effect::new(move |asked: Option<bool>| {
        // Every save changes the status; after the one that stores the first entry, ask.
        status.track();
        if asked == Some(true) || !has_own_work(records) {
            return asked.unwrap_or(false);
        }
        let ask = move || {
            let _ = device_notes::write_instant(
                &mut LocalStorageBackend::open(),
                PERSIST_ASKED,
                now_ms(),
            );
            safety.ask_to_keep();
        };
        if asked.is_none() {
            // Work was already stored when the app started (a restored backup, or work from
            // before this build asked): ask once the first screen is up, not on its way.
            set_timeout(ask, ASK_AFTER_START);
        } else {
            ask();
        }
        true
    });
}
