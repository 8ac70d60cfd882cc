//! The trainee's display settings (theme and text size) as reactive state, applied to the page.
//!
//! For now the two settings are kept as plain strings under their own localStorage keys (the
//! storage layer's schema version 1). Reading never fails loudly: a missing or unknown value means
//! the default, and if the browser refuses storage the choice still applies for this visit and the
//! settings page says it won't be remembered.

use leptos::prelude::*;

use crate::domain::settings::{DisplaySettings, TextSize, Theme};

/// localStorage key for the theme (schema version 1).
pub const THEME_KEY: &str = "peer-study.theme";
/// localStorage key for the text size (schema version 1).
pub const TEXT_SIZE_KEY: &str = "peer-study.text-size";

/// Display settings shared through context: the current choice and whether it could be saved.
#[derive(Clone, Copy)]
pub struct DisplaySettingsState {
    /// The trainee's current choice.
    pub settings: RwSignal<DisplaySettings>,
    /// False when the browser would not let us remember the choice.
    pub saved: ReadSignal<bool>,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read_settings(storage: Option<&web_sys::Storage>) -> DisplaySettings {
    let read = |key: &str| storage.and_then(|s| s.get_item(key).ok().flatten());
    DisplaySettings {
        theme: read(THEME_KEY)
            .and_then(|v| Theme::parse(&v))
            .unwrap_or_default(),
        text_size: read(TEXT_SIZE_KEY)
            .and_then(|v| TextSize::parse(&v))
            .unwrap_or_default(),
    }
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
    /// Read the stored settings, apply them to the page, and keep page and store in step with
    /// every later change.
    pub fn load_and_apply() -> Self {
        let storage = local_storage();
        let settings = RwSignal::new(read_settings(storage.as_ref()));
        let (saved, set_saved) = signal(storage.is_some());
        apply_to_document(settings.get_untracked());

        Effect::new(move |previous: Option<DisplaySettings>| {
            let current = settings.get();
            apply_to_document(current);
            // The first run only applies what was just read; writing it back would be pointless.
            if previous.is_some() && previous != Some(current) {
                let ok = local_storage().is_some_and(|s| {
                    s.set_item(THEME_KEY, current.theme.as_str()).is_ok()
                        && s.set_item(TEXT_SIZE_KEY, current.text_size.as_str())
                            .is_ok()
                });
                set_saved.set(ok);
            }
            current
        });

        Self { settings, saved }
    }
}
