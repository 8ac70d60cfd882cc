//! Settings: colour theme and text size.

use leptos::prelude::*;

use crate::app::display_settings::DisplaySettingsState;
use crate::app::lock::settings_section::PasscodeLockSection;
use crate::app::page::Page;
use crate::domain::settings::{TextSize, Theme};

/// One group of radio buttons: a legend and a labelled choice per option, applied at once.
#[component]
fn ChoiceGroup(
    /// The question the group answers, shown as its legend.
    legend: &'static str,
    /// The shared `name` of the radios, also the prefix of each radio's id.
    name: &'static str,
    /// Each option's stored spelling and its label.
    options: Vec<(&'static str, &'static str)>,
    /// The stored spelling of the current choice.
    selected: Signal<&'static str>,
    /// Called with the stored spelling of the option chosen.
    on_choose: Callback<&'static str>,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .map(|(value, label)| {
            let id = format!("{name}-{value}");
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name
                        value=value
                        prop:checked=move || selected.get() == value
                        on:change=move |_| on_choose.run(value)
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {radios}
        </fieldset>
    }
}

/// The settings page: theme and text size as radio groups that apply and save at once.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<DisplaySettingsState>();
    let settings = state.settings;
    let themes = Theme::ALL.iter().map(|t| (t.as_str(), t.label())).collect();
    let sizes = TextSize::ALL
        .iter()
        .map(|t| (t.as_str(), t.label()))
        .collect();

    view! {
        <Page title="Settings">
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                <ChoiceGroup
                    legend="Colour theme"
                    name="theme"
                    options=themes
                    selected=Signal::derive(move || settings.with(|s| s.theme.as_str()))
                    on_choose=Callback::new(move |value: &'static str| {
                        if let Some(theme) = Theme::parse(value) {
                            settings.update(|s| s.theme = theme);
                        }
                    })
                />
                <ChoiceGroup
                    legend="Text size"
                    name="text-size"
                    options=sizes
                    selected=Signal::derive(move || settings.with(|s| s.text_size.as_str()))
                    on_choose=Callback::new(move |value: &'static str| {
                        if let Some(size) = TextSize::parse(value) {
                            settings.update(|s| s.text_size = size);
                        }
                    })
                />
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
            // Passcode lock hook: its own section, kept in app/lock/.
            <PasscodeLockSection/>
        </Page>
    }
}
