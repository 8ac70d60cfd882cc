//! Settings: colour theme and text size.

use leptos::prelude::*;

use crate::app::display_settings::DisplaySettingsState;
use crate::app::page::Page;
use crate::domain::settings::{TextSize, Theme};

/// The settings page: theme and text size as radio groups that apply and save at once.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<DisplaySettingsState>();
    let settings = state.settings;

    let theme_options = Theme::ALL
        .into_iter()
        .map(|theme| {
            let id = format!("theme-{}", theme.as_str());
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="theme"
                        value=theme.as_str()
                        prop:checked=move || settings.with(|s| s.theme == theme)
                        on:change=move |_| settings.update(|s| s.theme = theme)
                    />
                    <label for=id>{theme.label()}</label>
                </div>
            }
        })
        .collect_view();

    let size_options = TextSize::ALL
        .into_iter()
        .map(|size| {
            let id = format!("text-size-{}", size.as_str());
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="text-size"
                        value=size.as_str()
                        prop:checked=move || settings.with(|s| s.text_size == size)
                        on:change=move |_| settings.update(|s| s.text_size = size)
                    />
                    <label for=id>{size.label()}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <Page title="Settings">
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>"Colour theme"</legend>
                    {theme_options}
                </fieldset>
                <fieldset>
                    <legend>"Text size"</legend>
                    {size_options}
                </fieldset>
            </form>
            <p class="status" role="status">
                {move || {
                    if state.saved.get() {
                        "Changes apply straight away and are remembered on this device."
                    } else {
                        "This browser isn't letting Peer Study save settings, so they will only \
                         last until you close this tab."
                    }
                }}
            </p>
        </Page>
    }
}
