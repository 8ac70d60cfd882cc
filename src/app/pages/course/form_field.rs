//! Labelled form fields that show their problem beside them, and keep what was typed.
//!
//! Every course form (a checklist task, a placement entry, a journal entry, a date) is built from
//! these, so each field has a real `<label>`, an optional hint, and an error message that is tied
//! to the field with `aria-describedby` and marked with `aria-invalid`. The field's text lives in a
//! signal owned by the form, so a refused save never clears it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The `aria-describedby` value for a field with an optional hint and an optional error.
fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The hint and error lines under a field.
#[component]
fn FieldNotes(
    /// The field's id; the notes' ids are derived from it.
    id: String,
    /// A short hint shown under the label, if any.
    hint: Option<&'static str>,
    /// The problem with what was typed, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
        {move || {
            error
                .get()
                .map(|message| {
                    view! {
                        <p class="field-error" id=error_id.clone()>
                            <span class="field-error-mark" aria-hidden="true">"! "</span>
                            {message}
                        </p>
                    }
                })
        }}
    }
}

/// A one-line text field (also used for dates, times and search).
#[component]
pub fn TextField(
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// What is typed, owned by the form.
    value: RwSignal<String>,
    /// The problem to show beside the field, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// The input type: "text", "date", "time", "search".
    #[prop(default = "text")]
    input_type: &'static str,
    /// A short hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The keyboard a phone should offer ("decimal", "numeric").
    #[prop(optional)]
    input_mode: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describe_id = id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <FieldNotes id=id.clone() hint error/>
            <input
                id=id
                type=input_type
                inputmode=input_mode
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    described_by(&describe_id, has_hint, error.with(Option::is_some))
                }
            />
        </div>
    }
}

/// A multi-line text field for the trainee's own words.
#[component]
pub fn TextAreaField(
    /// The textarea's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// What is typed, owned by the form.
    value: RwSignal<String>,
    /// The problem to show beside the field, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// A short hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Visible lines.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describe_id = id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <FieldNotes id=id.clone() hint error/>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    described_by(&describe_id, has_hint, error.with(Option::is_some))
                }
            ></textarea>
        </div>
    }
}

/// A drop-down list; `value` holds the chosen option's value.
#[component]
pub fn SelectField(
    /// The select's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The chosen value, owned by the form.
    value: RwSignal<String>,
    /// The options as (value, text), in order.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The problem to show beside the field, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let describe_id = id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <FieldNotes id=id.clone() hint=None error/>
            <select
                id=id
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(&describe_id, false, error.with(Option::is_some))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let chosen = option.clone();
                            view! {
                                <option value=option selected=move || value.with(|v| *v == chosen)>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Moves focus to the element with this id once the page has caught up with the latest change
/// (after a save, a removal or a swap between a view and a form), so focus is never lost.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Moves focus to the first field marked invalid inside the element with id `within`, so after a
/// refused save the trainee lands on the field to fix and hears its message.
pub fn focus_first_problem(within: impl Into<String>) {
    let within = within.into();
    request_animation_frame(move || {
        let found = document()
            .get_element_by_id(&within)
            .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten());
        if let Some(element) = found {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
