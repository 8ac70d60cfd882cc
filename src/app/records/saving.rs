//! Saving: a change only marks its record as pending; the save schedule says when to encode and
//! write it (after a pause in typing, or at once when the page is hidden or closed), and a
//! failed save is retried on the schedule's back-off.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{Push, Records};
use crate::app::clock::now_ms;
use crate::storage::save_schedule::Next;
use crate::storage::store::SaveOutcome;

impl Records {
    /// Note that a record changed and let the schedule decide when to save.
    pub(super) fn changed(&self, name: &str) {
        let now = now_ms();
        self.inner.update_value(|inner| {
            inner.pending.insert(name.to_string());
            inner.schedule.changed(now);
        });
        self.arm_timer();
        if !self.status.with_untracked(|s| s.unsaved) {
            self.status.update(|s| s.unsaved = true);
        }
    }

    pub(super) fn arm_timer(&self) {
        let now = now_ms();
        let wait = self
            .inner
            .with_value(|inner| match inner.schedule.next(now) {
                Next::Idle => None,
                Next::SaveNow => Some(0),
                Next::WaitUntil(at) => Some((at - now).max(0)),
            });
        let Some(wait) = wait else { return };
        let records = *self;
        let handle = set_timeout_with_handle(
            move || records.on_timer(),
            Duration::from_millis(wait as u64),
        )
        .ok();
        self.inner.update_value(|inner| {
            if let Some(old) = inner.timer.take() {
                old.clear();
            }
            inner.timer = handle;
        });
    }

    pub(super) fn on_timer(&self) {
        self.inner.update_value(|inner| inner.timer = None);
        let now = now_ms();
        let due = self
            .inner
            .with_value(|inner| matches!(inner.schedule.next(now), Next::SaveNow));
        if due {
            self.save_now();
        } else {
            self.arm_timer();
        }
    }

    /// Encode every record changed since its last push into the store (which then knows it is
    /// dirty). Kept off the keystroke path: it runs when a save or a backup needs the values.
    pub(super) fn push_pending(&self) {
        let pushes: Vec<Push> = self.inner.with_value(|inner| {
            inner
                .pending
                .iter()
                .filter_map(|name| inner.bindings.get(name).map(|b| b.push.clone()))
                .collect()
        });
        self.inner.update_value(|inner| {
            for push in &pushes {
                push(&mut inner.store);
            }
            inner.pending.clear();
        });
    }

    /// Encode every pending record and save now. Used by the timer, when the page is hidden or
    /// closed, and after a restore. Returns how the save went.
    pub fn save_now(&self) -> SaveOutcome {
        let now = now_ms();
        self.push_pending();
        let outcome = self
            .inner
            .try_update_value(|inner| {
                let report = inner.store.save(now);
                inner.schedule.save_finished(now, report.succeeded());
                if !report.written.is_empty() || !report.removed.is_empty() {
                    inner.last_saved_at = Some(now);
                }
                report.outcome()
            })
            .unwrap_or(SaveOutcome::Failed);
        self.refresh_status();
        // A failed save is retried on the schedule's back-off; a good one leaves it idle.
        self.arm_timer();
        outcome
    }

    /// Whether anything is not yet safely stored (for the "leave this page?" prompt).
    pub fn has_unsaved_changes(&self) -> bool {
        self.inner
            .with_value(|inner| !inner.pending.is_empty() || inner.store.has_unsaved_changes())
    }

    /// Save now if anything is waiting.
    pub fn flush(&self) {
        let waiting = self
            .inner
            .with_value(|inner| !inner.pending.is_empty() || inner.schedule.flush());
        if waiting {
            self.save_now();
        }
    }

    pub(super) fn listen_to_the_page(&self) {
        let records = *self;
        // Save at once when the page is hidden (tab switched, phone locked, app swiped away):
        // on phones that is often the last moment a page gets to run.
        let on_hidden = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                records.flush();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_hidden.as_ref().unchecked_ref(),
        );
        on_hidden.forget();

        let on_pagehide = Closure::<dyn Fn()>::new(move || records.flush());
        let _ = window()
            .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        on_pagehide.forget();

        // If something could not be saved (store full, no storage), ask before the tab closes.
        let on_beforeunload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                records.flush();
                if records.has_unsaved_changes() {
                    event.prevent_default();
                    event.set_return_value("You have changes that are not saved yet.");
                }
            },
        );
        let _ = window().add_event_listener_with_callback(
            "beforeunload",
            on_beforeunload.as_ref().unchecked_ref(),
        );
        on_beforeunload.forget();

        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                records.on_external_change(event.key());
            });
        let _ = window()
            .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }
}
