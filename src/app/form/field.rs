//! A labelled field that shows its problem beside it and keeps what was typed.
//!
//! Every field has a real `<label>`, an optional hint, and an error message tied to the control
//! with `aria-describedby` and marked with `aria-invalid`. The text lives in a signal owned by the
//! form, so a refused save never clears it.

use leptos::prelude::*;

/// The control inside a [`Field`].
#[derive(Clone, Copy, Default)]
pub enum Control {
    /// One line of text.
    #[default]
    Text,
    /// A whole number. A text box with the phone's number keyboard rather than
    /// `type="number"`, which silently throws away anything that isn't a number, so the kind
    /// message could not say what was wrong with what was typed.
    Number,
    /// A date, with the browser's date picker.
    Date,
    /// A time of day.
    Time,
    /// A search box.
    Search,
    /// A secret the screen should not show.
    Password,
    /// A code copied letter for letter (the recovery key): no spelling check, no autofill, and
    /// capitals on a phone's keyboard.
    Code,
    /// Several lines of the trainee's own words, this many lines tall.
    TextArea(u32),
    /// A drop-down list of (value, text) options; the field's value is the chosen option's.
    Select(Signal<Vec<(String, String)>>),
}

impl Control {
    /// The `type` of an `<input>` for this control.
    fn input_type(self) -> &'static str {
        match self {
            Control::Date => "date",
            Control::Time => "time",
            Control::Search => "search",
            Control::Password => "password",
            _ => "text",
        }
    }

    /// The keyboard a phone should offer, unless the field asks for another.
    fn input_mode(self) -> Option<&'static str> {
        matches!(self, Control::Number).then_some("numeric")
    }

    /// Whether the browser may check the spelling and offer its own words.
    fn is_words(self) -> bool {
        !matches!(self, Control::Code)
    }
}

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

/// What one field shows from a form's errors: `pick` chooses the field's own problem (if any)
/// from them, and its words become the message beside the field.
pub fn error_of<E, T>(
    errors: RwSignal<E>,
    pick: impl Fn(&E) -> Option<&T> + Send + Sync + 'static,
) -> Signal<Option<String>>
where
    E: Send + Sync + 'static,
    T: ToString + ?Sized + 'static,
{
    Signal::derive(move || errors.with(|e| pick(e).map(ToString::to_string)))
}

/// Shows how a save went: a refused one puts each problem beside its field and moves focus to
/// the first (inside the form with id `form_id`); a saved one clears them. Returns whether it
/// saved.
pub fn show_outcome<E>(errors: RwSignal<E>, outcome: Result<(), E>, form_id: &str) -> bool
where
    E: Default + Send + Sync + 'static,
{
    match outcome {
        Ok(()) => {
            errors.set(E::default());
            true
        }
        Err(problems) => {
            errors.set(problems);
            super::focus::focus_first_problem(form_id);
            false
        }
    }
}

/// A labelled field: the label, a hint, the problem (if any), then the control. Anything given as
/// children (a button, say) sits on the control's line.
#[component]
pub fn Field(
    /// The control's id, unique on the page; the hint is `{id}-hint`, the error `{id}-error`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// What is typed (or chosen), owned by the form.
    value: RwSignal<String>,
    /// Which control: a text box (the default), a date, a text area, a drop-down list...
    #[prop(optional)]
    control: Control,
    /// The problem to show beside the field, if any (see [`error_of`]).
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// A short hint under the label (or `None`, for none).
    #[prop(optional, into)]
    hint: MaybeProp<&'static str>,
    /// The keyboard a phone should offer ("decimal", "numeric").
    #[prop(optional)]
    input_mode: Option<&'static str>,
    /// What the browser may fill in ("name", "off").
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Run when the trainee leaves a changed field (or chooses an option): for fields that save
    /// on their own, without a form's button.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
    /// Shown on the control's line, such as the button that submits it.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let has_hint = hint.is_some();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describe_id = id.clone();
    // What every control shares: its id, keeping the form's signal up to date (a drop-down list
    // only reports `change`), the field's own on_change, and the error wiring.
    let wiring = view! {
        <{..}
            id=id.clone()
            on:input=move |ev| value.set(event_target_value(&ev))
            on:change=move |ev| {
                value.set(event_target_value(&ev));
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
            aria-invalid=move || error.with(Option::is_some).then_some("true")
            aria-describedby=move || {
                described_by(&describe_id, has_hint, error.with(Option::is_some))
            }
        />
    };

    let control_view = match control {
        Control::TextArea(rows) => view! {
            <textarea {..wiring} rows=rows prop:value=move || value.get()></textarea>
        }
        .into_any(),
        Control::Select(options) => view! {
            <select {..wiring}>
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
        }
        .into_any(),
        input => view! {
            <input
                {..wiring}
                type=input.input_type()
                inputmode=input_mode.or(input.input_mode())
                autocomplete=autocomplete.or((!input.is_words()).then_some("off"))
                autocapitalize=(!input.is_words()).then_some("characters")
                spellcheck=(!input.is_words()).then_some("false")
                prop:value=move || value.get()
            />
        }
        .into_any(),
    };

    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error">
                                <span class="field-error-mark" aria-hidden="true">"! "</span>
                                <span id=error_id.clone()>{message}</span>
                            </p>
                        }
                    })
            }}
            {match children {
                Some(beside) => view! { <div class="field-inline">{control_view} {beside()}</div> }.into_any(),
                None => control_view,
            }}
        </div>
    }
}

/// A status line: says what just happened (saved, deleted, downloaded), heard by screen readers
/// as it changes. It stays on the page while empty, so the first message is announced too.
#[component]
pub fn StatusLine(
    /// What it says.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <p class="status" role="status">{move || text.get()}</p> }
}

/// A checkbox with its label beside it, for a yes-or-no setting that applies at once.
#[component]
pub fn Checkbox(
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Run with the new state when the trainee ticks or unticks it.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="choice">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}
