//! The trainee's display settings (theme and text size) as reactive state, applied to the page.
//!
//! The settings are one stored record ([`SETTINGS`]) like any other, so they are saved, backed up
//! and restored with everything else. The storage layer migrated the foundation build's two
//! plain-string keys into this record.

use leptos::prelude::*;

use crate::app::records::Records;
use crate::domain::settings::{DisplaySettings, Theme};
use crate::storage::record_names::SETTINGS;

/// Display settings shared through context: the current choice and whether it will be kept.
#[derive(Clone, Copy)]
pub struct DisplaySettingsState {
    /// The trainee's current choice.
    pub settings: RwSignal<DisplaySettings>,
    /// False when the browser gives Peer Study no storage, so the choice lasts only this visit.
    pub saved: Signal<bool>,
}

/// Put the settings on the root element, where the stylesheet picks them up.
fn apply_to_document(settings: DisplaySettings) {
    let Some(root) = document().document_element() else {
        return;
    };
    // "system" removes the attribute so the stylesheet's prefers-color-scheme rule decides.
    let _ = match settings.theme {
        Theme::System => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.as_str()),
    };
    let _ = root.set_attribute("data-text-size", settings.text_size.as_str());
}

impl DisplaySettingsState {
    /// Take the stored settings, apply them to the page at once, and keep the page in step with
    /// every later change (from this tab, another tab or a restored backup).
    pub fn load_and_apply(records: Records) -> Self {
        let settings = records.get(SETTINGS);
        apply_to_document(settings.get_untracked());
        Effect::new(move |_| apply_to_document(settings.get()));
        let status = records.status();
        Self {
            settings,
            saved: Signal::derive(move || status.with(|s| s.writable)),
        }
    }
}
